import { describe, expect, it } from "vitest";
import { classifyRun } from "../classify/classify-run";
import { isKensaError } from "../errors/kensa-error";
import type { ProbeRunRecord } from "../probe/probe-record";
import { aggregateSteps, emptyAggregate, mergeAggregates, stepFacts, type StepAggregate } from "../rollup/step-aggregate";
import { addErrorShape } from "./error-shapes";
import { evidenceFromAggregates, type EvidenceInput } from "./evidence-from-aggregates";
import { evidenceFromRuns, latestCheckResults } from "./evidence-from-runs";
import { canonicalJson, evidenceHash } from "./evidence-hash";
import { gradeService } from "./grade-service";
import { buildRuns, check, freeeRuns, ok, slackInvalidBlocks, slackRuns, timedOut } from "./seed-fixtures";

/** What a worker does: store classified runs, roll them up per UTC day and path, then sum the window's rollups. */
function viaDailyRollups(runs: ProbeRunRecord[], base: Pick<EvidenceInput, "declared" | "authMethod">): EvidenceInput {
  const stored = runs.map((run) => classifyRun(run));
  const days = new Map<string, StepAggregate>();
  for (const run of stored) {
    const key = `${run.startedAt.slice(0, 10)}|${run.path}`;
    days.set(key, mergeAggregates(days.get(key) ?? emptyAggregate(), aggregateSteps(run.steps.map(stepFacts), 1)));
  }
  const window = { from: "2026-03-01T00:00:00.000Z", to: "2026-05-01T00:00:00.000Z" };
  const sum = (path: string) => [...days].filter(([k]) => k.endsWith(`|${path}`)).reduce((into, [, agg]) => mergeAggregates(into, agg), emptyAggregate());
  const shapes = { structured: 0, inferred: 0 };
  for (const run of stored) for (const s of run.steps) addErrorShape(shapes, { kind: s.kind, errorClass: s.classification?.errorClass, fault: s.classification?.fault, confidence: s.classification?.confidence });
  const ordered = [...stored].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const latest = ordered.findLast((r) => r.path === "direct") ?? ordered.at(-1)!;
  const direct = stored.filter((r) => r.path === "direct");
  return {
    window,
    aggregates: { direct: sum("direct"), gateway: sum("gateway") },
    checks: latestCheckResults(stored),
    summary: latest.summary,
    summaryPath: latest.path,
    credential: {
      refreshes: direct.reduce((n, r) => n + (r.summary.credential?.refreshes ?? 0), 0),
      expiredDuringRun: direct.reduce((n, r) => n + (r.summary.credential?.expiredDuringRun ?? 0), 0),
    },
    errorShapes: shapes,
    ...base,
  };
}

describe("evidenceFromRuns and evidenceFromAggregates", () => {
  it.each([["freee", freeeRuns()], ["Slack (direct and gateway)", slackRuns()]])("give the same evidence for %s", (_, { runs, context }) => {
    const window = { from: "2026-03-01T00:00:00.000Z", to: "2026-05-01T00:00:00.000Z" };
    const fromRuns = evidenceFromRuns(runs, { ...context, window });
    const fromRollups = evidenceFromAggregates(viaDailyRollups(runs, context));
    expect(fromRollups).toEqual(fromRuns);
    expect(evidenceHash(fromRollups)).toBe(evidenceHash(fromRuns));
    expect(gradeService(fromRollups)).toEqual(gradeService(fromRuns));
  });

  it("does not depend on the order the runs arrive in", () => {
    const { runs, context } = slackRuns();
    expect(evidenceFromRuns([...runs].reverse(), context)).toEqual(evidenceFromRuns(runs, context));
  });

  it("classifies failed steps that arrive unclassified, and counts their shapes", () => {
    const runs = buildRuns({ serviceId: "s", path: "direct", runs: 2, steps: [{ outcome: ok, count: 4 }, { outcome: slackInvalidBlocks, count: 1 }, { outcome: timedOut, count: 1 }] });
    const e = evidenceFromRuns(runs, { authMethod: "oauth2", declared: {} });
    expect(e.traffic.direct!.errorCounts).toEqual({ invalid_input: 1, timeout: 1 });
    expect(e.errorShapes).toEqual({ structured: 1, inferred: 0 });
  });

  it("takes each readiness check from the latest run that has it", () => {
    const older = buildRuns({ serviceId: "s", path: "direct", runs: 1, steps: [{ outcome: ok, count: 1 }], checks: [check("trace_context", "pass"), check("server_card", "pass")] });
    const newer = buildRuns({ serviceId: "s", path: "direct", runs: 1, start: "2026-04-02T00:00:00.000Z", steps: [{ outcome: ok, count: 1 }], checks: [check("trace_context", "fail")] });
    const e = evidenceFromRuns([...newer, ...older].map((r, i) => ({ ...r, id: `${r.id.slice(0, -1)}${i}` })), { authMethod: "oauth2", declared: {} });
    expect(e.checks.trace_context?.verdict).toBe("fail");
    expect(e.checks.server_card?.verdict).toBe("pass");
  });

  it("keeps only the check facts the methodology reads, and only JSON primitives", () => {
    const e = evidenceFromAggregates({
      window: { from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" }, aggregates: {}, declared: {}, authMethod: "oauth2",
      checks: [check("authorization_server", "pass", { pkceS256: true, issuer: "https://as.example.com", refreshTokenGrant: { nested: true } })],
    });
    expect(e.checks.authorization_server?.facts).toEqual({ pkceS256: true });
  });

  it("prefers the observed token lifetime to the declared one", () => {
    const base = { window: { from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" }, aggregates: {}, declared: {}, authMethod: "oauth2" as const, tokenLifetime: { seconds: 3600, source: "docs" } };
    expect(evidenceFromAggregates(base).credential).toMatchObject({ lifetimeSec: 3600, lifetimeSource: "declared" });
    const summary = { target: { transport: "streamable-http" as const }, credential: { mode: "oauth-refresh" as const, expiresInSec: 86_400, refreshes: 0, expiredDuringRun: 0 } };
    expect(evidenceFromAggregates({ ...base, summary }).credential).toMatchObject({ lifetimeSec: 86_400, lifetimeSource: "observed", mode: "oauth-refresh" });
  });
});

describe("behind a gateway the credential is the gateway's", () => {
  const direct = buildRuns({ serviceId: "s", path: "direct", runs: 2, steps: [{ outcome: ok, count: 4 }], credential: { mode: "oauth-refresh", expiresInSec: 3600, refreshes: 2 } });
  // Later, through the gateway: its own month-long static token, which once expired mid-run.
  const gateway = buildRuns({ serviceId: "s", path: "gateway", runs: 1, start: "2026-04-05T00:00:00.000Z", steps: [{ outcome: ok, count: 4 }], credential: { mode: "static", expiresInSec: 30 * 86_400, refreshes: 0 } })
    .map((r) => ({ ...r, summary: { ...r.summary, credential: { ...r.summary.credential!, expiredDuringRun: 1 } } }));

  it("reads the credential mode, lifetime, refreshes and expiries from direct runs only, whichever ran last", () => {
    const e = evidenceFromRuns([...direct, ...gateway], { authMethod: "oauth2", declared: {} });
    expect(e.credential).toEqual({ mode: "oauth-refresh", lifetimeSec: 3600, lifetimeSource: "observed", refreshes: 4, expiredDuringRun: 0 });
  });

  it("with only gateway runs, reads their tools but no credential: the declared lifetime stands", () => {
    const [run] = gateway;
    const e = evidenceFromAggregates({
      window: { from: "2026-04-01T00:00:00.000Z", to: "2026-04-06T00:00:00.000Z" }, aggregates: {}, declared: {}, authMethod: "oauth2",
      summary: { ...run!.summary, tools: { count: 3, writeTools: 1, withSchema: 3, hash: "h", names: ["a", "b", "c"] } }, summaryPath: "gateway",
      tokenLifetime: { seconds: 86_400, source: "vendor docs" },
    });
    expect(e.credential).toEqual({ lifetimeSec: 86_400, lifetimeSource: "declared", refreshes: 0, expiredDuringRun: 0 });
    expect(e.tools).toEqual({ count: 3, writeTools: 1 });
  });
});

describe("bad evidence is a clear error naming the field", () => {
  const window = { from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z" };
  const agg = (patch: Partial<StepAggregate>): StepAggregate => ({ ...emptyAggregate(), runs: 1, calls: 2, successes: 2, latencyHistogram: { "30": 2 }, ...patch });

  it.each<[string, () => unknown, RegExp]>([
    ["counts that do not add up", () => evidenceFromAggregates({ window, aggregates: { direct: agg({ successes: 1 }) }, declared: {}, authMethod: "oauth2" }), /evidence\.traffic\.direct: successes \(1\) \+ failures by fault \(0\) must equal calls \(2\)/],
    ["error counts that disagree with faults", () => evidenceFromAggregates({ window, aggregates: { direct: agg({ successes: 1, vendorFailures: 1 }) }, declared: {}, authMethod: "oauth2" }), /errorCounts: error counts add up to 0, failures by fault to 1/],
    ["a window that runs backwards", () => evidenceFromAggregates({ window: { from: window.to, to: window.from }, aggregates: {}, declared: {}, authMethod: "oauth2" }), /window\.from must not be after window\.to/],
    ["a window that is not a timestamp", () => evidenceFromAggregates({ window: { from: "yesterday", to: window.to }, aggregates: {}, declared: {}, authMethod: "oauth2" }), /evidence\.window\.from/],
    ["two results for one check", () => evidenceFromAggregates({ window, aggregates: {}, declared: {}, authMethod: "oauth2", checks: [check("trace_context", "pass"), check("trace_context", "fail")] }), /two results for readiness check "trace_context"/],
    ["a declared fact without a source", () => evidenceFromAggregates({ window, aggregates: {}, declared: { saml: { value: true } }, authMethod: "oauth2" }), /declared\.saml: a declared fact needs a source/],
    ["an unknown auth method", () => evidenceFromAggregates({ window, aggregates: {}, declared: {}, authMethod: "magic" as never }), /evidence\.authMethod/],
    ["not evidence at all", () => gradeService({} as never), /invalid grading evidence — evidence\.format/],
  ])("%s", (_, build, message) => {
    let thrown: unknown;
    try {
      build();
    } catch (error) {
      thrown = error;
    }
    expect(isKensaError(thrown, "bad_request")).toBe(true);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe("evidenceHash", () => {
  const { runs, context } = freeeRuns();
  const evidence = evidenceFromRuns(runs, context);

  it("is a sha256 that ignores key order", () => {
    const reversed = JSON.parse(canonicalJson(evidence), (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    expect(evidenceHash(evidence)).toMatch(/^[0-9a-f]{64}$/);
    expect(evidenceHash(reversed)).toBe(evidenceHash(evidence));
  });

  it("changes when any count changes", () => {
    const changed = structuredClone(evidence);
    changed.traffic.direct!.runs += 1;
    expect(evidenceHash(changed)).not.toBe(evidenceHash(evidence));
  });

  it("canonical JSON sorts nested keys, drops undefined members and refuses non-finite numbers", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/canonical JSON has no NaN/);
  });
});
