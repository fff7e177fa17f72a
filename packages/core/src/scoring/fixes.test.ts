import { describe, expect, it } from "vitest";
import type { AppliedCap } from "./caps";
import { evidenceFromRuns } from "./evidence-from-runs";
import type { GradeReport } from "./grade-report";
import { gradeService } from "./grade-service";
import type { Item } from "./items";
import { totalWithFixed } from "./score-total";
import { buildRuns, check, freeeRuns, ok, serverError } from "./seed-fixtures";

/** The report's findings are the scorer's items; rebuild them to check the plan independently. */
function itemsOf(report: GradeReport): Item[] {
  return Object.entries(report.axes).flatMap(([axis, a]) =>
    a.findings.map((f) => ({ id: f.id, axis: axis as Item["axis"], evidence: f.evidence, scored: f.scored, points: f.points, maxPoints: f.maxPoints, message: f.message, fix: f.fix })));
}

function scoreWith(items: Item[], caps: readonly AppliedCap[], fixed: Set<string>, ignore: (c: AppliedCap) => boolean): number {
  return caps.filter((c) => !ignore(c) && !c.liftedBy.some((id) => fixed.has(id))).reduce((s, c) => Math.min(s, c.limit), totalWithFixed(items, fixed));
}

function subsets<T>(list: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return list.flatMap((x, i) => subsets(list.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
}

const apiKeyServer = () => {
  const runs = buildRuns({
    serviceId: "k", path: "direct", runs: 40, steps: [{ outcome: ok, count: 380 }, { outcome: serverError, count: 6 }],
    checks: [check("auth_challenge", "fail"), check("protected_resource", "fail"), check("authorization_server", "fail"), check("invalid_token", "pass"), check("protocol_version", "fail"), check("trace_context", "fail"), check("server_card", "fail")],
  });
  return gradeService(evidenceFromRuns(runs, { authMethod: "api_key", declared: {} }));
};

const scenarios: [string, () => GradeReport][] = [
  ["freee (AA, capped by expiring tokens)", () => { const s = freeeRuns(); return gradeService(evidenceFromRuns(s.runs, s.context)); }],
  ["freee with all failures its own", () => { const s = freeeRuns([{ outcome: serverError, count: 17 }]); return gradeService(evidenceFromRuns(s.runs, s.context)); }],
  ["an API-key server without metadata", apiKeyServer],
];

describe("next-grade fixes", () => {
  it.each(scenarios)("%s: the listed fixes reach the next grade", (_, make) => {
    const report = make();
    const next = report.nextGrade!;
    expect(next.reachable).toBe(true);
    expect(report.fixes.length).toBeGreaterThan(0);
    expect(next.scoreAfterFixes).toBeGreaterThanOrEqual(next.minScore);
    expect(scoreWith(itemsOf(report), report.caps, new Set(report.fixes.map((f) => f.id)), () => false)).toBeGreaterThanOrEqual(next.minScore);
    expect(next.pointsNeeded).toBeCloseTo(next.minScore - report.score, 5);
  });

  it.each(scenarios)("%s: no smaller set of fixes would do", (_, make) => {
    const report = make();
    const items = itemsOf(report);
    const candidates = items.filter((i) => i.scored && i.points < i.maxPoints).map((i) => i.id);
    for (const subset of subsets(candidates, report.fixes.length - 1)) {
      expect(scoreWith(items, report.caps, new Set(subset), () => false)).toBeLessThan(report.nextGrade!.minScore);
    }
  });

  it.each(scenarios)("%s: each fix is worth what its item adds to the total, largest first", (_, make) => {
    const report = make();
    const items = itemsOf(report);
    const base = totalWithFixed(items, new Set());
    for (const fix of report.fixes) expect(fix.points).toBeCloseTo(totalWithFixed(items, new Set([fix.id])) - base, 5);
    const points = report.fixes.map((f) => f.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it("a cap that blocks the next grade is lifted by one of the fixes", () => {
    const report = apiKeyServer();
    const blocking = report.caps.filter((c) => c.limit < report.nextGrade!.minScore);
    for (const cap of blocking) expect(report.fixes.some((f) => f.liftsCaps.includes(cap.id))).toBe(true);
  });

  it("an evidence floor cannot be fixed: when it holds the grade, the next grade is unreachable and says why", () => {
    const checks = ["auth_challenge", "protected_resource", "authorization_server", "invalid_token", "protocol_version", "trace_context", "server_card"].map((c) => check(c as never, "pass"));
    const declared = Object.fromEntries(["saml", "scim", "idJag", "terraformProvider", "openTelemetry", "registryEntry", "environmentSeparation"].map((n) => [n, { value: true, source: "docs" }]));
    const runs = buildRuns({ serviceId: "t", path: "direct", runs: 7, steps: [{ outcome: ok, count: 28 }], checks, credential: { mode: "oauth-refresh", refreshes: 2 } });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "oauth2_1_pkce", declared }));
    expect(report.grade).toBe("A");
    expect(report.scoreBeforeCaps).toBeGreaterThanOrEqual(80);
    expect(report.nextGrade?.reachable).toBe(false);
    expect(report.nextGrade?.blockedBy.some((reason) => /28 successful calls/.test(reason))).toBe(true);
  });

  it("a floor above the next grade does not block it: a weak 3-call server still gets fixes that reach it", () => {
    const runs = buildRuns({ serviceId: "t", path: "direct", runs: 1, steps: [{ outcome: ok, count: 3 }] });
    const report = gradeService(evidenceFromRuns(runs, { authMethod: "oauth2", declared: {} }));
    expect(report.provisional).toBe(true);
    expect(report.nextGrade?.reachable).toBe(true);
    expect(report.nextGrade?.blockedBy).toEqual([]);
  });

  it("AAA has no next grade and nothing to fix", async () => {
    const { slackRuns } = await import("./seed-fixtures");
    const s = slackRuns();
    const report = gradeService(evidenceFromRuns(s.runs, s.context));
    expect(report.nextGrade).toBeNull();
    expect(report.fixes).toEqual([]);
  });
});
