// evidenceFromRuns: `kensa scan` grades in-memory runs the same way workers grade stored rollups —
// classify, aggregateRun → mergeAggregates per path, then evidenceFromAggregates. Same runs, same evidence.
import type { AuthMethod, DeclaredFacts, DeclaredTokenLifetime } from "../catalogue/declared-facts";
import { classifyRun } from "../classify/classify-run";
import type { CheckResult } from "../probe/check-result";
import type { ProbeRunRecord, RunPath } from "../probe/probe-record";
import { aggregateRun, emptyAggregate, mergeAggregates, type StepAggregate } from "../rollup/step-aggregate";
import type { z } from "zod";
import type { GradeEvidence } from "./evidence";
import { evidenceFromAggregates } from "./evidence-from-aggregates";
import { tallyRun, windowTally } from "./run-tally";
import { summaryRunOf } from "./vendor-credential";

export interface RunsContext {
  declared: z.input<typeof DeclaredFacts>;
  authMethod: AuthMethod;
  tokenLifetime?: DeclaredTokenLifetime;
  /** The runs were made on documented dummy configuration (see coverage.ts). */
  dummyCredential?: boolean;
  /** Defaults to the first run's start through the last run's finish. */
  window?: { from: string; to: string };
}

export function evidenceFromRuns(runs: readonly ProbeRunRecord[], context: RunsContext): GradeEvidence {
  const ordered = runs.map((run) => classifyRun(run)).sort(byStart);
  const latest = summaryRunOf([...ordered].reverse());
  const { errorShapes, credential } = windowTally(ordered.map((run) => ({ path: run.path, tally: tallyRun(run) })));
  return evidenceFromAggregates({
    window: context.window ?? runsWindow(ordered),
    aggregates: { direct: pathAggregate(ordered, "direct"), gateway: pathAggregate(ordered, "gateway") },
    checks: latestCheckResults(ordered),
    ...(latest ? { summary: latest.summary, summaryPath: latest.path } : {}),
    credential,
    errorShapes,
    declared: context.declared,
    authMethod: context.authMethod,
    ...(context.tokenLifetime ? { tokenLifetime: context.tokenLifetime } : {}),
    ...(context.dummyCredential ? { dummyCredential: true } : {}),
  });
}

/** For each readiness check, its result in the latest run that has one. */
export function latestCheckResults(runs: readonly Pick<ProbeRunRecord, "id" | "startedAt" | "steps">[]): CheckResult[] {
  const latest = new Map<CheckResult["check"], CheckResult>();
  for (const run of [...runs].sort(byStart)) {
    for (const step of run.steps) if (step.kind === "check" && step.check) latest.set(step.check.check, step.check);
  }
  return [...latest.values()];
}

function pathAggregate(runs: readonly ProbeRunRecord[], path: RunPath): StepAggregate | undefined {
  const onPath = runs.filter((run) => run.path === path);
  if (onPath.length === 0) return undefined;
  return onPath.reduce((into, run) => mergeAggregates(into, aggregateRun(run)), emptyAggregate());
}

function runsWindow(runs: readonly ProbeRunRecord[]): { from: string; to: string } {
  if (runs.length === 0) throw new RangeError("evidenceFromRuns needs at least one run, or a window");
  const from = runs.reduce((min, r) => (r.startedAt < min ? r.startedAt : min), runs[0]!.startedAt);
  const to = runs.reduce((max, r) => (r.finishedAt > max ? r.finishedAt : max), runs[0]!.finishedAt);
  return { from, to };
}

function byStart(a: Pick<ProbeRunRecord, "id" | "startedAt">, b: Pick<ProbeRunRecord, "id" | "startedAt">): number {
  const ta = Date.parse(a.startedAt);
  const tb = Date.parse(b.startedAt);
  if (ta !== tb) return ta - tb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
