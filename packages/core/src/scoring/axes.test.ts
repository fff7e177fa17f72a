// One row per axis rule, on evidence built the way workers build it.
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../probe/check-result";
import { addLatency } from "../rollup/latency-histogram";
import { emptyAggregate, type StepAggregate } from "../rollup/step-aggregate";
import { evidenceFromAggregates, type EvidenceInput } from "./evidence-from-aggregates";
import { gradeService } from "./grade-service";
import { check } from "./seed-fixtures";

const window = { from: "2026-04-01T00:00:00.000Z", to: "2026-04-30T00:00:00.000Z" };

function traffic(successes: number, failures: Partial<Record<"vendor" | "client" | "intermediary", number>> = {}, p95Ms = 200): StepAggregate {
  const agg = emptyAggregate();
  agg.runs = 10;
  agg.successes = successes;
  addLatency(agg.latencyHistogram, p95Ms, successes);
  agg.vendorFailures = failures.vendor ?? 0;
  agg.clientFailures = failures.client ?? 0;
  agg.intermediaryFailures = failures.intermediary ?? 0;
  agg.errorCounts = { ...(agg.vendorFailures ? { server_error: agg.vendorFailures } : {}), ...(agg.clientFailures ? { invalid_input: agg.clientFailures } : {}), ...(agg.intermediaryFailures ? { gateway_error: agg.intermediaryFailures } : {}) };
  agg.calls = successes + agg.vendorFailures + agg.clientFailures + agg.intermediaryFailures;
  return agg;
}

const grade = (patch: Partial<EvidenceInput>) => gradeService(evidenceFromAggregates({ window, aggregates: { direct: traffic(200) }, declared: {}, authMethod: "oauth2", ...patch }));
const finding = (report: ReturnType<typeof grade>, id: string) => Object.values(report.axes).flatMap((a) => a.findings).find((f) => f.id === id)!;

describe("reliability", () => {
  it("client and intermediary failures are not counted against the vendor", () => {
    const clean = grade({ aggregates: { direct: traffic(200) } });
    const notTheirs = grade({ aggregates: { direct: traffic(200, { client: 30, intermediary: 20 }) } });
    const theirs = grade({ aggregates: { direct: traffic(200, { vendor: 30 }) } });
    expect(notTheirs.axes.reliability.score).toBe(clean.axes.reliability.score);
    expect(theirs.axes.reliability.score!).toBeLessThan(clean.axes.reliability.score!);
  });

  // The histogram reports a bucket's middle (within 9%, about 0.6 points here).
  it.each<[number, number]>([[400, 20], [900, 20], [2000, 15], [4000, 10], [16000, 0], [60000, 0]])("p95 of %d ms earns about %d of 20 latency points", (ms, points) => {
    const got = finding(grade({ aggregates: { direct: traffic(200, {}, ms) } }), "reliability.latency_p95").points;
    expect(Math.abs(got - points)).toBeLessThanOrEqual(0.6);
  });

  it("with no judged call, reliability is not tested and scores nothing", () => {
    const report = grade({ aggregates: { direct: traffic(0, { client: 5 }) } });
    expect(report.axes.reliability.score).toBeNull();
    expect(report.axes.reliability.evidence).toBe("not_tested");
    expect(report.grade).toBe("D");
  });
});

describe("weights", () => {
  it("an untested gateway axis folds its weight into reliability", () => {
    const report = grade({});
    expect(report.axes.gateway.score).toBeNull();
    expect(report.axes.gateway.effectiveWeight).toBe(0);
    expect(report.axes.reliability.effectiveWeight).toBe(60);
  });

  it("a tested gateway axis carries its own weight", () => {
    const report = grade({ aggregates: { direct: traffic(200), gateway: traffic(150, { intermediary: 10 }) } });
    expect(report.axes.gateway.effectiveWeight).toBe(15);
    expect(report.axes.reliability.effectiveWeight).toBe(45);
    expect(report.axes.gateway.evidence).toBe("observed");
  });
});

describe("auth", () => {
  const noAuth = [check("auth_challenge", "not_applicable", { authRequired: false })];
  it.each<[string, Partial<EvidenceInput>, number]>([
    ["observed OAuth (authorization-server metadata)", { authMethod: "unknown", checks: [check("authorization_server", "pass")] }, 50],
    ["declared OAuth 2.0", { authMethod: "oauth2" }, 50],
    ["declared API key", { authMethod: "api_key" }, 25],
    ["unknown, but a 401 challenge is observed", { authMethod: "unknown", checks: [check("auth_challenge", "pass")] }, 25],
    ["declared none, but a credential is demanded (incomplete challenge)", { authMethod: "none", checks: [check("auth_challenge", "fail", { authRequired: true })] }, 25],
    ["unknown and nothing observed", { authMethod: "unknown" }, 0],
    ["observed unauthenticated access beats a declared OAuth", { authMethod: "oauth2", checks: noAuth }, 0],
  ])("authentication: %s earns %d of 50", (_, patch, points) => {
    expect(finding(grade(patch), "auth.authentication").points).toBe(points);
  });

  it("a declared 'none' with an observed 401 challenge is not treated as unauthenticated", () => {
    const checks: CheckResult[] = [check("auth_challenge", "pass")];
    const report = grade({ authMethod: "none", checks, summary: { target: { transport: "streamable-http" }, tools: { count: 2, withSchema: 2, hash: "h", names: [], writeTools: 2 } } });
    expect(report.caps.map((c) => c.id)).not.toContain("cap.unauthenticated_write_tools");
  });

  it("a check that was not run is left out; a failed or inconclusive one earns nothing", () => {
    expect(finding(grade({}), "auth.protected_resource").scored).toBe(false);
    expect(finding(grade({ checks: [check("protected_resource", "inconclusive")] }), "auth.protected_resource")).toMatchObject({ scored: true, points: 0 });
  });

  it("token expiry costs points in proportion to authenticated calls, and caps the grade below AAA", () => {
    const agg = traffic(196);
    agg.errorCounts = { auth_expired: 4 };
    agg.vendorFailures = 4;
    agg.calls = 200;
    const report = grade({ aggregates: { direct: agg } });
    expect(finding(report, "auth.expiry_free").points).toBeCloseTo(6 * (1 - 0.02 / 0.05), 1);
    expect(report.caps.map((c) => c.id)).toContain("cap.tokens_expire_mid_run");
  });
});

describe("audit and portability", () => {
  it("prose-only error answers cost points per call answered; structured ones cost nothing", () => {
    expect(finding(grade({ errorShapes: { structured: 20, inferred: 0 } }), "audit.structured_errors").points).toBe(40);
    expect(finding(grade({ errorShapes: { structured: 0, inferred: 5 } }), "audit.structured_errors").points).toBeCloseTo(40 * (1 - 5 / 205 / 0.05), 1);
    expect(finding(grade({}), "audit.structured_errors").scored).toBe(false);
  });

  it("no server card scores nothing on portability (not demonstrated), unlike an auth check that does not apply", () => {
    expect(finding(grade({ checks: [check("server_card", "not_applicable")] }), "portability.server_card")).toMatchObject({ scored: true, points: 0 });
    expect(finding(grade({ checks: [check("invalid_token", "not_applicable")] }), "auth.invalid_token_rejected").scored).toBe(false);
  });

  it("declared facts count only with a source; unknown is not demonstrated", () => {
    const declared = grade({ declared: { terraformProvider: { value: true, source: "registry.terraform.io" } } });
    expect(finding(declared, "portability.iac_provider")).toMatchObject({ points: 35, evidence: "declared" });
    expect(finding(grade({}), "portability.iac_provider")).toMatchObject({ points: 0, scored: true, evidence: "not_tested" });
    expect(grade({}).axes.portability.evidence).toBe("not_tested");
  });
});
