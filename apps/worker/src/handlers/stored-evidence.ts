// What grade.compute grades: a window's daily rollups per path and the latest run summary and readiness
// checks, turned into GradeEvidence. One function, so the benchmark measures exactly what the worker does.
import {
  emptyAggregate,
  evidenceFromAggregates,
  latestCheckResults,
  mergeAggregates,
  ProbeRunSummary,
  runPathOf,
  type AuthMethod,
  type DeclaredTokenLifetime,
  type EvidenceInput,
  type GradeEvidence,
  type StepAggregate,
  windowTally,
} from "@kensa/core";
import type { latestEvidenceRuns, RollupRow } from "@kensa/db";

export interface StoredEvidence {
  window: { from: string; to: string };
  rollups: readonly RollupRow[];
  latest: Awaited<ReturnType<typeof latestEvidenceRuns>>;
  declared: EvidenceInput["declared"];
  authMethod: AuthMethod;
  tokenLifetime?: DeclaredTokenLifetime;
}

export function evidenceFromStored(input: StoredEvidence): GradeEvidence {
  const byPath: { direct?: StepAggregate; gateway?: StepAggregate } = {};
  const rows = input.rollups.map((row) => ({ path: runPathOf(row.path), tally: row }));
  for (const { path, tally: row } of rows) byPath[path] = mergeAggregates(byPath[path] ?? emptyAggregate(), row);
  const { errorShapes, credential } = windowTally(rows);
  const summary = input.latest.summary === undefined ? undefined : ProbeRunSummary.safeParse(input.latest.summary);
  return evidenceFromAggregates({
    window: input.window,
    aggregates: byPath,
    checks: latestCheckResults(input.latest.checkRuns),
    ...(summary?.success ? { summary: summary.data, ...(input.latest.summaryPath ? { summaryPath: input.latest.summaryPath } : {}) } : {}),
    credential,
    errorShapes,
    declared: input.declared,
    authMethod: input.authMethod,
    ...(input.tokenLifetime ? { tokenLifetime: input.tokenLifetime } : {}),
  });
}
