// A stdio server takes its credentials from its environment: HTTP authorization neither credits nor caps it.
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../probe/check-result";
import type { ProbeRunRecord, ProbeStepRecord } from "../probe/probe-record";
import { evidenceFromRuns } from "./evidence-from-runs";
import { gradeService } from "./grade-service";

const at = "2026-12-01T00:00:00.000Z";
const step = (seq: number, name: string, kind: ProbeStepRecord["kind"], check?: CheckResult): ProbeStepRecord => ({
  seq, name, kind, startedAt: at, latencyMs: 20, outcome: { kind: "ok" }, ...(check ? { check } : {}),
});
const notApplicable = (name: CheckResult["check"], why: string): CheckResult => ({ check: name, verdict: "not_applicable", findings: [{ id: "transport", ok: true, message: why }], facts: {} });
const authChecks = ["auth_challenge", "protected_resource", "authorization_server", "invalid_token"] as const;

function run(transport: "stdio" | "streamable-http", checks: boolean): ProbeRunRecord {
  const steps = [step(0, "connect", "transport"), step(1, "initialize", "protocol"), step(2, "tools/list", "protocol")];
  if (checks) authChecks.forEach((name, i) => steps.push(step(3 + i, `check:${name}`, "check", notApplicable(name, "does not apply"))));
  return {
    id: "00000000-0000-4000-8000-000000000001", idempotencyKey: "k", serviceId: "scan", trigger: "scan", source: "live", path: "direct",
    startedAt: at, finishedAt: at, summary: { target: { transport }, tools: { count: 3, withSchema: 3, hash: "h", names: ["a", "b", "c"], writeTools: 3 } }, steps,
  };
}
const grade = (r: ProbeRunRecord) => gradeService(evidenceFromRuns([r], { declared: {}, authMethod: "unknown" }));
const auth = (g: ReturnType<typeof grade>) => Object.fromEntries(g.axes.auth.findings.map((f) => [f.id, f]));

describe("HTTP authorization over stdio", () => {
  it.each([true, false])("is neither capped nor credited, and says why (checks run: %s)", (checks) => {
    const g = grade(run("stdio", checks));
    expect(g.caps.map((c) => c.id)).not.toContain("cap.no_auth_metadata");
    expect(g.caps.map((c) => c.id)).not.toContain("cap.unauthenticated_write_tools");
    const items = auth(g);
    for (const id of ["auth.authentication", "auth.challenge", "auth.protected_resource", "auth.authorization_server", "auth.invalid_token_rejected", "auth.expiry_free", "auth.pkce_s256"]) {
      expect(items[id], id).toMatchObject({ scored: false, points: 0 });
      expect(items[id]!.message, id).toMatch(/^Not applicable over stdio: the server takes its credentials from its environment/);
    }
    expect(g.axes.auth.facts).toMatchObject({ transport: "stdio", httpAuthorization: "not applicable" });
  });

  it("an HTTP server whose auth checks are not applicable (it needs no credential) is still capped", () => {
    const g = grade(run("streamable-http", true));
    expect(g.caps.map((c) => c.id)).toContain("cap.no_auth_metadata");
    expect(auth(g)["auth.authentication"]).toMatchObject({ scored: true });
  });
});
