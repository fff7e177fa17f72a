// The calibration points v1 must reproduce from evidence alone (PRODUCT.md, issue 4), and the caps
// that keep weak evidence or unsafe servers out of the top grades.
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../probe/check-result";
import { evidenceFromRuns, type RunsContext } from "./evidence-from-runs";
import { gradeRank, type Grade } from "./grade";
import { gradeService } from "./grade-service";
import { buildRuns, check, freeeRuns, ok, serverError, slackRuns } from "./seed-fixtures";

const atMost = (grade: Grade, best: Grade) => gradeRank(grade) >= gradeRank(best);
const source = "vendor documentation";

const allChecksPass: CheckResult[] = [
  check("auth_challenge", "pass", { authRequired: true }),
  check("protected_resource", "pass"),
  check("authorization_server", "pass", { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true, refreshTokenGrant: true, idJag: true }),
  check("invalid_token", "pass", { status: 401 }),
  check("protocol_version", "pass"),
  check("trace_context", "pass"),
  check("server_card", "pass"),
];
const allDeclared: RunsContext["declared"] = Object.fromEntries(
  ["saml", "oidc", "idJag", "scim", "terraformProvider", "pulumiProvider", "openTelemetry", "registryEntry", "environmentSeparation"].map((n) => [n, { value: true, source }]),
);

/** A server that does everything right, with `calls` successful calls on each path. */
function excellent(calls: number, checks = allChecksPass, context: Partial<RunsContext> = {}) {
  const credential = { mode: "oauth-refresh" as const, expiresInSec: 3600, refreshes: 5 };
  const runs = [
    ...buildRuns({ serviceId: "x", path: "direct", runs: Math.max(1, Math.ceil(calls / 4)), steps: [{ outcome: ok, count: calls }], checks, credential }),
    ...buildRuns({ serviceId: "x", path: "gateway", runs: Math.max(1, Math.ceil(calls / 4)), start: "2026-04-01T03:00:00.000Z", steps: [{ outcome: ok, count: calls }], credential }),
  ];
  return gradeService(evidenceFromRuns(runs, { authMethod: "oauth2_1_pkce", declared: allDeclared, ...context }));
}

describe("calibration on the seed", () => {
  it("freee — OAuth 2.0, 24-hour tokens, no SSO, 212 calls, 21 errors of which 4 auth_expired — is AA", () => {
    const { runs, context } = freeeRuns();
    const report = gradeService(evidenceFromRuns(runs, context));
    expect(report.grade).toBe("AA");
    expect(report.provisional).toBe(false);
    expect(report.axes.reliability.facts["calls"]).toBe(212);
    expect(report.axes.reliability.facts["successes"]).toBe(191);
    expect(report.axes.auth.facts["authExpired"]).toBe(4);
    // Even with every other finding fixed, tokens that expire mid-run keep freee out of AAA.
    expect(report.caps.map((c) => c.id)).toContain("cap.tokens_expire_mid_run");
    expect(report.fixes.map((f) => f.id)).toContain("auth.expiry_free");
  });

  it("Slack — 113 calls, 91% success, invalid_input from the calling side behind intermediaries, full OAuth metadata — is AAA", () => {
    const { runs, context } = slackRuns();
    const evidence = evidenceFromRuns(runs, context);
    const report = gradeService(evidence);
    expect(report.grade).toBe("AAA");
    expect(report.caps).toEqual([]);
    expect(report.axes.reliability.facts["calls"]).toBe(113);
    expect(report.axes.reliability.facts["successes"]).toBe(103);
    expect(evidence.traffic.gateway!.intermediaryFailures).toBe(9);
    expect(report.axes.reliability.facts["vendorFailures"]).toBe(0);
  });

  it("fault attribution is what separates them: freee's 21 errors all blamed on freee would not be AA", () => {
    const { runs, context } = freeeRuns([{ outcome: serverError, count: 17 }]);
    const report = gradeService(evidenceFromRuns(runs, context));
    expect(atMost(report.grade, "A")).toBe(true);
  });

  it("and Slack's 10 failures, were they Slack's own, would not be AAA", () => {
    const { context } = slackRuns();
    const slackCredential = { mode: "oauth-refresh" as const, expiresInSec: 43_200, refreshes: 1 };
    const runs = [
      ...buildRuns({ serviceId: "slack", path: "direct", runs: 15, steps: [{ outcome: ok, count: 59 }, { outcome: serverError, count: 1 }], checks: allChecksPass.slice(0, 5), credential: slackCredential }),
      ...buildRuns({ serviceId: "slack", path: "gateway", runs: 14, steps: [{ outcome: ok, count: 44 }, { outcome: serverError, count: 9 }], credential: slackCredential }),
    ];
    expect(gradeService(evidenceFromRuns(runs, context)).grade).not.toBe("AAA");
  });
});

describe("evidence floors and caps", () => {
  it("3 successful calls and nothing else never earn above A, and the grade says it is provisional", () => {
    const runs = buildRuns({ serviceId: "tiny", path: "direct", runs: 1, steps: [{ outcome: ok, count: 3 }] });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "unknown", declared: {} }));
    expect(atMost(report.grade, "A")).toBe(true);
    expect(report.provisional).toBe(true);
  });

  it("3 successful calls never earn above A even when everything else is perfect", () => {
    const report = excellent(3);
    expect(atMost(report.grade, "A")).toBe(true);
    expect(report.provisional).toBe(true);
    expect(report.caps.find((c) => c.kind === "floor")?.reason).toMatch(/6 successful calls/);
  });

  it("under 30 successful calls the floor itself holds a perfect server at A, and says more evidence is needed", () => {
    const report = excellent(14);
    expect(report.scoreBeforeCaps).toBeGreaterThanOrEqual(80);
    expect(report.grade).toBe("A");
    expect(report.score).toBe(79.9);
    expect(report.nextGrade?.reachable).toBe(false);
    expect(report.nextGrade?.blockedBy.join(" ")).toMatch(/28 successful calls/);
  });

  it("fewer than 100 successful calls cannot be AAA", () => {
    const report = excellent(40);
    expect(report.grade).toBe("AA");
    expect(report.provisional).toBe(true);
  });

  it("the excellent server with enough evidence is AAA with nothing capped", () => {
    const report = excellent(200);
    expect(report.grade).toBe("AAA");
    expect(report.caps).toEqual([]);
    expect(report.score).toBeGreaterThan(97);
  });

  it("perfect uptime and no auth metadata at all cannot be AAA", () => {
    const noMetadata = allChecksPass.map((c) => (["auth_challenge", "protected_resource", "authorization_server"].includes(c.check) ? { ...c, verdict: "fail" as const, facts: {} } : c));
    const report = excellent(500, noMetadata);
    expect(report.scoreBeforeCaps).toBeGreaterThanOrEqual(90);
    expect(report.grade).toBe("AA");
    expect(report.caps.map((c) => c.id)).toEqual(["cap.no_auth_metadata"]);
    expect(report.fixes.some((f) => f.liftsCaps.includes("cap.no_auth_metadata"))).toBe(true);
  });

  it("no authentication at all on a server with write tools is capped at B", () => {
    const checks = [check("auth_challenge", "not_applicable", { authRequired: false }), ...allChecksPass.slice(1)];
    const runs = buildRuns({ serviceId: "open", path: "direct", runs: 50, steps: [{ outcome: ok, count: 400 }], checks, writeTools: 3 });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "none", declared: allDeclared }));
    expect(atMost(report.grade, "B")).toBe(true);
    expect(report.caps.find((c) => c.id === "cap.unauthenticated_write_tools")?.reason).toMatch(/3 tools/);
  });

  it("the same unauthenticated server with read-only tools is not capped for it", () => {
    const checks = [check("auth_challenge", "not_applicable", { authRequired: false }), ...allChecksPass.slice(1)];
    const runs = buildRuns({ serviceId: "open", path: "direct", runs: 50, steps: [{ outcome: ok, count: 400 }], checks, writeTools: 0 });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "none", declared: allDeclared }));
    expect(report.caps.map((c) => c.id)).not.toContain("cap.unauthenticated_write_tools");
  });

  it("a server that accepts a garbage token is capped at B", () => {
    const checks = allChecksPass.map((c) => (c.check === "invalid_token" ? check("invalid_token", "fail", { status: 200 }) : c));
    expect(atMost(excellent(200, checks).grade, "B")).toBe(true);
  });

  it("weak vendor reliability caps the grade", () => {
    const runs = buildRuns({ serviceId: "flaky", path: "direct", runs: 50, steps: [{ outcome: ok, count: 300 }, { outcome: serverError, count: 60 }], checks: allChecksPass, credential: { mode: "static", refreshes: 0 } });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "oauth2", declared: allDeclared }));
    expect(report.caps.map((c) => c.id)).toContain("cap.reliability_below_90");
    expect(atMost(report.grade, "A")).toBe(true);
  });
});
