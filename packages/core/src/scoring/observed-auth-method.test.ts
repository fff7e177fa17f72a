import { describe, expect, it } from "vitest";
import type { AuthMethod } from "../catalogue/declared-facts";
import type { CheckEvidence } from "./evidence";
import { AuthObservationEvidence, observedAuthMethod, shownAuthMethod } from "./observed-auth-method";

type Checks = AuthObservationEvidence["checks"];
type Mode = AuthObservationEvidence["credential"]["mode"];
const check = (verdict: CheckEvidence["verdict"], facts: CheckEvidence["facts"] = {}): CheckEvidence => ({ verdict, facts });
const challenge401 = check("pass", { authRequired: true });
const prm = check("pass");
const asWith = (pkceS256: boolean, implicitGrant: boolean) => check(pkceS256 && !implicitGrant ? "pass" : "fail", { pkceS256, implicitGrant });
const stdio = check("not_applicable", { transport: "stdio" });

describe("observedAuthMethod", () => {
  it.each<[string, Checks, Mode, AuthMethod | null]>([
    ["401 + RFC 9728 + RFC 8414 with PKCE S256, no implicit", { auth_challenge: challenge401, protected_resource: prm, authorization_server: asWith(true, false) }, undefined, "oauth2_1_pkce"],
    ["RFC 8414 metadata without PKCE S256", { auth_challenge: challenge401, protected_resource: prm, authorization_server: asWith(false, false) }, undefined, "oauth2"],
    ["RFC 8414 metadata with PKCE but the implicit grant", { auth_challenge: challenge401, protected_resource: prm, authorization_server: asWith(true, true) }, undefined, "oauth2"],
    ["RFC 9728 metadata, authorization server not found", { auth_challenge: challenge401, protected_resource: prm, authorization_server: check("fail", {}) }, undefined, "oauth2"],
    ["no metadata, but the probe refreshed an OAuth token", { auth_challenge: check("fail", { authRequired: true }) }, "oauth-refresh", "oauth2"],
    ["no metadata, OAuth client credentials", {}, "oauth-client-credentials", "oauth2"],
    ["an initialize without credentials succeeded", { auth_challenge: check("fail", { authRequired: false }) }, "none", "none"],
    ["open server that also publishes OAuth metadata", { auth_challenge: check("fail", { authRequired: false }), authorization_server: asWith(true, false) }, undefined, "none"],
    ["credential demanded, static key used, no OAuth metadata", { auth_challenge: check("fail", { authRequired: true }), protected_resource: check("fail") }, "static", "api_key"],
    ["credential demanded, no credential mode known", { auth_challenge: check("fail", { authRequired: true }) }, undefined, null],
    ["static key used, demand not observed", { auth_challenge: check("inconclusive") }, "static", null],
    ["stdio: credentials from the environment", { auth_challenge: stdio, protected_resource: stdio, authorization_server: stdio }, "static", null],
    ["no checks at all", {}, undefined, null],
    ["a challenge with resource_metadata alone (no metadata fetched)", { auth_challenge: check("pass", {}) }, undefined, null],
  ])("%s → %s", (_name, checks, mode, expected) => {
    expect(observedAuthMethod(AuthObservationEvidence.parse({ checks, credential: mode ? { mode } : {} }))).toBe(expected);
  });
});

describe("shownAuthMethod", () => {
  it.each<[AuthMethod, AuthMethod | null, { method: AuthMethod; basis: "declared" | "observed" }]>([
    ["unknown", "oauth2_1_pkce", { method: "oauth2_1_pkce", basis: "observed" }],
    ["unknown", "none", { method: "none", basis: "observed" }],
    ["unknown", null, { method: "unknown", basis: "declared" }],
    ["api_key", "oauth2_1_pkce", { method: "api_key", basis: "declared" }],
    ["oauth2", null, { method: "oauth2", basis: "declared" }],
    ["none", "api_key", { method: "none", basis: "declared" }],
  ])("declared %s, observed %s → %o", (declared, observed, expected) => {
    expect(shownAuthMethod(declared, observed)).toEqual(expected);
  });
});
