// Properties over random services: the same evidence always gives the same report; more failures
// never raise a grade; the report's own invariants hold; the caps the issue names are never escaped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuthMethod } from "../catalogue/declared-facts";
import type { CheckResult } from "../probe/check-result";
import type { ProbeRunRecord } from "../probe/probe-record";
import type { StepOutcome } from "../probe/step-outcome";
import { evidenceFromRuns, type RunsContext } from "./evidence-from-runs";
import { gradeForScore, gradeRank } from "./grade";
import { GradeReport } from "./grade-report";
import { gradeService } from "./grade-service";
import { buildRuns, expiredToken, freeeValidation, ok, rateLimited, serverError, slackInvalidBlocks, timedOut } from "./seed-fixtures";

interface Failure { outcome: StepOutcome; expiredAtSend?: boolean }
const failures: Failure[] = [
  { outcome: serverError }, { outcome: timedOut }, { outcome: rateLimited }, { outcome: slackInvalidBlocks }, { outcome: freeeValidation },
  { outcome: expiredToken, expiredAtSend: true },
  { outcome: { kind: "http-error", status: 403, headers: { "www-authenticate": 'Bearer error="insufficient_scope"' } } },
  { outcome: { kind: "http-error", status: 502, headers: { via: "1.1 proxy" } } },
  { outcome: { kind: "protocol-violation", violation: "malformed-json", detail: "x" } },
  { outcome: { kind: "tool-error", text: "something odd happened" } },
  { outcome: { kind: "network-error", code: "ECONNRESET", message: "reset" } },
  { outcome: { kind: "rpc-error", code: -32601, message: "Method not found" } },
];
const failureArb = fc.integer({ min: 0, max: failures.length - 1 }).map((i) => failures[i]!);

const pathArb = fc.record({
  runs: fc.integer({ min: 1, max: 5 }),
  ok: fc.integer({ min: 0, max: 160 }),
  failed: fc.array(fc.record({ failure: failureArb, count: fc.integer({ min: 1, max: 6 }) }), { maxLength: 4 }),
  latencyBase: fc.integer({ min: 5, max: 6000 }),
});
const checkNames: CheckResult["check"][] = ["auth_challenge", "protected_resource", "authorization_server", "protocol_version", "invalid_token", "trace_context", "server_card"];
const checkArb = fc.record({
  check: fc.constantFrom(...checkNames),
  verdict: fc.constantFrom("pass", "fail", "not_applicable", "inconclusive" as const),
  findings: fc.constant<CheckResult["findings"]>([]),
  facts: fc.record({ authRequired: fc.boolean(), pkceS256: fc.boolean(), implicitGrant: fc.boolean(), dynamicClientRegistration: fc.boolean(), clientIdMetadataDocuments: fc.boolean(), idJag: fc.boolean(), status: fc.constantFrom(200, 401, 403) }, { requiredKeys: [] }),
});
const declaredArb = fc.constantFrom({ value: "unknown" as const }, { value: true, source: "docs" }, { value: false, source: "docs" });
const scenarioArb = fc.record({
  direct: pathArb,
  gateway: fc.option(pathArb, { nil: undefined }),
  checks: fc.uniqueArray(checkArb, { selector: (c) => c.check, maxLength: 7 }),
  declared: fc.record({ saml: declaredArb, oidc: declaredArb, idJag: declaredArb, scim: declaredArb, terraformProvider: declaredArb, openTelemetry: declaredArb, registryEntry: declaredArb, environmentSeparation: declaredArb }),
  authMethod: fc.constantFrom<AuthMethod>("none", "api_key", "oauth2", "oauth2_1_pkce", "enterprise_sso", "unknown"),
  mode: fc.constantFrom("none", "static", "oauth-refresh", "oauth-client-credentials" as const),
  refreshes: fc.integer({ min: 0, max: 4 }),
  writeTools: fc.integer({ min: 0, max: 3 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function toRuns(s: Scenario): { runs: ProbeRunRecord[]; context: RunsContext } {
  const credential = { mode: s.mode, refreshes: s.refreshes };
  const spec = (p: Scenario["direct"]) => [{ outcome: ok, count: p.ok }, ...p.failed.map((f) => ({ outcome: f.failure.outcome, count: f.count, ...(f.failure.expiredAtSend ? { expiredAtSend: true } : {}) }))];
  const latency = (base: number) => (i: number) => base + ((i * 7919) % (base + 1));
  const runs = buildRuns({ serviceId: "p", path: "direct", runs: s.direct.runs, steps: spec(s.direct), checks: s.checks, credential, writeTools: s.writeTools, latencyMs: latency(s.direct.latencyBase) });
  if (s.gateway) runs.push(...buildRuns({ serviceId: "p", path: "gateway", runs: s.gateway.runs, start: "2026-04-01T01:00:00.000Z", steps: spec(s.gateway), credential, writeTools: s.writeTools, latencyMs: latency(s.gateway.latencyBase) }));
  return { runs, context: { authMethod: s.authMethod, declared: s.declared, window: { from: "2026-03-01T00:00:00.000Z", to: "2026-06-01T00:00:00.000Z" } } };
}

/** Appends failed calls to existing runs (round-robin over the runs of the chosen path). */
function withMoreFailures(runs: ProbeRunRecord[], extra: { gateway: boolean; failure: Failure }[]): ProbeRunRecord[] {
  const out = runs.map((r) => ({ ...r, steps: [...r.steps] }));
  extra.forEach(({ gateway, failure }, i) => {
    const onPath = out.filter((r) => r.path === (gateway ? "gateway" : "direct"));
    const run = (onPath.length > 0 ? onPath : out)[i % (onPath.length || out.length)]!;
    run.steps.push({
      seq: run.steps.length, name: "tools/call:extra", kind: "call", startedAt: run.startedAt, latencyMs: 5, outcome: failure.outcome,
      ...(failure.expiredAtSend ? { credential: { expiredAtSend: true } } : {}),
    });
  });
  return out;
}

const grade = (runs: ProbeRunRecord[], context: RunsContext) => gradeService(evidenceFromRuns(runs, context));

describe("scoring properties", () => {
  it("same evidence, same report — bit for bit, whatever the order of the runs", () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { runs, context } = toRuns(s);
      const first = grade(runs, context);
      const again = gradeService(structuredClone(evidenceFromRuns([...runs].reverse(), context)));
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    }), { numRuns: 150 });
  });

  it("more failures never raise the score, the score before caps or the grade", () => {
    const extraArb = fc.array(fc.record({ gateway: fc.boolean(), failure: failureArb }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(scenarioArb, extraArb, (s, extra) => {
      const { runs, context } = toRuns(s);
      const before = grade(runs, context);
      const after = grade(withMoreFailures(runs, extra), context);
      expect(after.score).toBeLessThanOrEqual(before.score);
      expect(after.scoreBeforeCaps).toBeLessThanOrEqual(before.scoreBeforeCaps);
      expect(gradeRank(after.grade)).toBeGreaterThanOrEqual(gradeRank(before.grade));
    }), { numRuns: 300 });
  });

  it("every report is valid, serialisable and consistent with its own caps", () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { runs, context } = toRuns(s);
      const report = grade(runs, context);
      expect(GradeReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
      expect(report.grade).toBe(gradeForScore(report.score));
      expect(report.score).toBeLessThanOrEqual(report.scoreBeforeCaps);
      for (const cap of report.caps) expect(report.score).toBeLessThanOrEqual(cap.limit);
      expect(report.provisional).toBe(report.caps.some((c) => c.kind === "floor"));
      expect(report.nextGrade === null).toBe(report.grade === "AAA");
      const weights = Object.values(report.axes).reduce((sum, a) => sum + a.effectiveWeight, 0);
      expect(weights).toBeCloseTo(100, 0);
      for (const axis of Object.values(report.axes)) {
        if (axis.score !== null) expect(axis.score).toBeGreaterThanOrEqual(0);
        if (axis.score !== null) expect(axis.score).toBeLessThanOrEqual(100);
        for (const f of axis.findings) expect(f.points).toBeLessThanOrEqual(f.maxPoints);
      }
    }), { numRuns: 150 });
  });

  it("never AAA without auth metadata, never above A under 30 successful calls", () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { runs, context } = toRuns(s);
      const report = grade(runs, context);
      const e = evidenceFromRuns(runs, context);
      const metadata = [e.checks.auth_challenge, e.checks.protected_resource, e.checks.authorization_server].some((c) => c?.verdict === "pass");
      if (!metadata) expect(report.grade).not.toBe("AAA");
      const successes = (e.traffic.direct?.successes ?? 0) + (e.traffic.gateway?.successes ?? 0);
      if (successes < 30) expect(gradeRank(report.grade)).toBeGreaterThanOrEqual(gradeRank("A"));
    }), { numRuns: 150 });
  });
});
