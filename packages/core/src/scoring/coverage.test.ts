// Partial grades row by row: what the probe held, what the server answered → coverage, and what a partial
// grade does to reliability, weights, checks and caps.
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../probe/check-result";
import type { StepOutcome } from "../probe/step-outcome";
import { gradeCoverage, type Coverage, type CoverageReason } from "./coverage";
import { evidenceFromRuns, type RunsContext } from "./evidence-from-runs";
import { gradeService } from "./grade-service";
import { parseStoredGradeReport } from "./stored-grade-report";
import { buildRuns, check, ok, serverError, type RunSetSpec } from "./seed-fixtures";

const refused: StepOutcome = { kind: "http-error", status: 401, headers: { "www-authenticate": 'Bearer resource_metadata="https://x.example/.well-known/oauth-protected-resource"' } };
const configMissing: StepOutcome = { kind: "process-exit", phase: "start", exitCode: 1, signal: null, stderr: "Please set CHANNEL_ACCESS_TOKEN" };
const challenged = check("auth_challenge", "pass", { authRequired: true });
const openServer = check("auth_challenge", "not_applicable", { authRequired: false });
const metadata: CheckResult[] = [
  challenged,
  check("protected_resource", "pass"),
  check("authorization_server", "pass", { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true, idJag: true }),
  check("invalid_token", "pass", { status: 401 }),
  check("protocol_version", "inconclusive"),
  check("trace_context", "inconclusive"),
];
const source = "vendor documentation";
const allDeclared: RunsContext["declared"] = Object.fromEntries(
  ["saml", "oidc", "idJag", "scim", "terraformProvider", "pulumiProvider", "openTelemetry", "registryEntry", "environmentSeparation"].map((n) => [n, { value: true, source }]),
);
const ctx = (extra: Partial<RunsContext> = {}): RunsContext => ({ authMethod: "unknown", declared: {}, ...extra });
const runs = (spec: Partial<RunSetSpec>) => buildRuns({ serviceId: "s", path: "direct", runs: 1, steps: [], ...spec });
const evidence = (spec: Partial<RunSetSpec>, extra: Partial<RunsContext> = {}) => evidenceFromRuns(runs(spec), ctx(extra));

describe("gradeCoverage", () => {
  it.each<[string, Partial<RunSetSpec>, Partial<RunsContext>, Coverage, CoverageReason[]]>([
    ["a credential of ours, refused", { steps: [{ outcome: refused, count: 3 }], checks: [challenged], credential: { mode: "static", refreshes: 0 } }, {}, "full", []],
    ["a credential of ours, answered", { steps: [{ outcome: ok, count: 3 }], checks: [challenged], credential: { mode: "oauth-refresh", refreshes: 1 } }, {}, "full", []],
    ["dummy configuration, answered", { steps: [{ outcome: ok, count: 2 }] }, { dummyCredential: true }, "partial", ["no_credential"]],
    ["no credential, initialize refused with a challenge", { steps: [{ outcome: refused, count: 1 }], checks: [challenged] }, {}, "partial", ["no_credential"]],
    ["no credential (mode none), initialize refused", { steps: [{ outcome: refused, count: 1 }], checks: [challenged], credential: { mode: "none", refreshes: 0 } }, {}, "partial", ["no_credential"]],
    ["no credential, a server answering without one", { steps: [{ outcome: ok, count: 3 }], checks: [openServer] }, {}, "full", []],
    ["no credential, refusals but no challenge check (never decided by counting refusals)", { steps: [{ outcome: refused, count: 3 }] }, {}, "full", []],
    ["no credential, failing on its own", { steps: [{ outcome: serverError, count: 3 }] }, {}, "full", []],
  ])("%s → %s", (_name, spec, extra, coverage, reasons) => {
    expect(gradeCoverage(evidence(spec, extra))).toEqual({ coverage, reasons });
  });

  it("a gateway-only window is not partial: behind a gateway the credential is the gateway's", () => {
    const e = evidenceFromRuns(buildRuns({ serviceId: "s", path: "gateway", runs: 1, steps: [{ outcome: refused, count: 1 }], checks: [challenged] }), ctx());
    expect(gradeCoverage(e).coverage).toBe("full");
  });
});

describe("a partial grade", () => {
  const noToken = () => gradeService(evidence({ steps: [{ outcome: refused, count: 1 }], checks: metadata }));

  it("is not floored at D for want of an account, and says it is partial", () => {
    const g = noToken();
    expect(g).toMatchObject({ coverage: "partial", coverageReasons: ["no_credential"], provisional: true });
    expect(g.grade).not.toBe("D");
    expect(g.caps.map((c) => c.id)).toEqual(["floor.partial_coverage"]);
    expect(g.caps[0]!.reason).toBe("Partial grade: reliability not tested (no credential); a partial grade is never above A.");
  });

  it("leaves reliability not tested (no credential) and spreads its weight over the tested axes", () => {
    const g = noToken();
    expect(g.axes.reliability).toMatchObject({ score: null, evidence: "not_tested", notTestedReason: "no_credential", effectiveWeight: 0 });
    for (const f of g.axes.reliability.findings) expect(f).toMatchObject({ scored: false, points: 0, fix: "", message: expect.stringMatching(/^Not tested \(no credential\)/) });
    expect(g.axes.auth).toMatchObject({ notTestedReason: null, effectiveWeight: 62.5 }); // 25 of the 40 tested
    expect(Object.values(g.axes).reduce((sum, a) => sum + a.effectiveWeight, 0)).toBeCloseTo(100, 5);
  });

  it("does not score a check that needed a session it could not have; a full grade does (0)", () => {
    const partial = Object.fromEntries(noToken().axes.audit.findings.map((f) => [f.id, f]));
    expect(partial["audit.protocol_version"]).toMatchObject({ scored: false, message: expect.stringMatching(/without a working credential/) });
    const withToken = gradeService(evidence({ steps: [{ outcome: ok, count: 3 }], checks: metadata, credential: { mode: "static", refreshes: 0 } }));
    expect(withToken.axes.audit.findings.find((f) => f.id === "audit.protocol_version")).toMatchObject({ scored: true, points: 0 });
  });

  it("stored as snapshot columns (caps and axes, no coverage field), reads back partial with its reason", () => {
    const g = noToken();
    const { coverage: _c, coverageReasons: _r, ...columns } = JSON.parse(JSON.stringify(g)) as typeof g;
    expect(parseStoredGradeReport(columns, g.methodologyVersion)).toEqual(g);
  });

  it("never shows above A, however good the rest", () => {
    const g = gradeService(evidence({ steps: [{ outcome: refused, count: 1 }], checks: [...metadata, check("protocol_version", "pass"), check("trace_context", "pass"), check("server_card", "pass")].filter((c, i, all) => all.findLastIndex((d) => d.check === c.check) === i) }, { declared: allDeclared }));
    expect(g.scoreBeforeCaps).toBeGreaterThan(79.9);
    expect(g).toMatchObject({ grade: "A", score: 79.9, coverage: "partial" });
  });

  it("keeps the caps that are not about reliability (no auth metadata)", () => {
    const bare = [check("auth_challenge", "fail", { authRequired: true }), check("protected_resource", "fail"), check("authorization_server", "fail")];
    const g = gradeService(evidence({ steps: [{ outcome: refused, count: 1 }], checks: bare }));
    expect(g.caps.map((c) => c.id)).toEqual(["floor.partial_coverage", "cap.no_auth_metadata"]);
  });

  it("a stdio server stopped for want of configuration is partial, not_configured", () => {
    const e = evidence({ steps: [{ outcome: configMissing, count: 1 }] });
    if (e.traffic.direct?.errorCounts.config_missing === undefined) return expect.fail(`fixture outcome not classified config_missing: ${JSON.stringify(e.traffic.direct?.errorCounts)}`);
    expect(gradeService(e)).toMatchObject({ coverage: "partial", coverageReasons: ["not_configured"], axes: { reliability: { notTestedReason: "not_configured" } } });
  });
});

describe("a full grade", () => {
  it("is labelled full and keeps the success floors", () => {
    const g = gradeService(evidence({ steps: [{ outcome: serverError, count: 2 }] }));
    expect(g).toMatchObject({ coverage: "full", coverageReasons: [], grade: "D" });
    expect(g.caps.map((c) => c.id)).toContain("floor.no_successful_calls");
    for (const axis of Object.values(g.axes)) expect(axis.notTestedReason).toBeNull();
  });

  it("stored before 1.1.3, reads back as full", () => {
    const g = gradeService(evidence({ steps: [{ outcome: ok, count: 3 }] }));
    const old = JSON.parse(JSON.stringify(g)) as Record<string, unknown> & { axes: Record<string, Record<string, unknown>> };
    delete old.coverage;
    delete old.coverageReasons;
    for (const axis of Object.values(old.axes)) delete axis.notTestedReason;
    expect(parseStoredGradeReport({ ...old, methodologyVersion: "1.1.2" }, "1.1.2")).toEqual({ ...g, methodologyVersion: "1.1.2" });
  });
});
