import { describe, expect, it } from "vitest";
import { BehaviourProfile } from "./behaviour-profile";
import { profileLibrary, SandboxProfileName } from "./profile-library";
import { resolveProfile } from "./resolve-profile";

describe("profile library", () => {
  it.each(SandboxProfileName.options)("%s is a valid profile", (name) => {
    expect(BehaviourProfile.safeParse(profileLibrary[name]).success).toBe(true);
  });

  it("keeps the seed's stories in their profiles", () => {
    const day = profileLibrary["oauth-day-token"];
    expect(day.auth).toMatchObject({ tokenLifetimeSec: 86_400, refreshGrant: false, clientCredentialsGrant: false });
    expect(day.auth.manualRenewalLagSec).toBeGreaterThan(0);
    expect(profileLibrary["chat-structured-blocks"].gateway.structuredArgsMangleRate).toBeGreaterThan(0);
    expect(profileLibrary["enterprise-sso"].metadata.idJag).toBe(true);
  });
});

describe("resolveProfile", () => {
  it("merges overrides field by field and failure rates class by class", () => {
    const resolved = resolveProfile({ profile: "oauth-standard", overrides: { failures: { timeout: 0.2 }, auth: { tokenLifetimeSec: 60 }, failureScale: 2 } });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.profile.failures.timeout).toBe(0.2);
    expect(resolved.profile.failures.server_error).toBe(profileLibrary["oauth-standard"].failures.server_error);
    expect(resolved.profile.auth).toMatchObject({ tokenLifetimeSec: 60, refreshGrant: true });
    expect(resolved.profile.failureScale).toBe(2);
  });

  it.each([
    ["latency p95 below the median", { latency: { p95Ms: 1 } }, "latency"],
    ["failure rates summing above 0.9", { failures: { server_error: 0.5 }, failureScale: 3 }, "failures"],
    ["auth failures on an open server", { failures: { auth_invalid: 0.1 } }, "failures.auth_invalid"],
  ] as const)("refuses %s", (_, overrides, path) => {
    const resolved = resolveProfile({ profile: "open-read-only", overrides });
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
