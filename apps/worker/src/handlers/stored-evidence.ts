// What grade.compute grades: a window's daily rollups per path and the latest run summary and readiness
// checks, turned into GradeEvidence. One function, so the benchmark measures exactly what the worker does.
import {
  emptyAggregate,
  evidenceFromAggregates,
  latestCheckResults,
  mergeAggregates,
  ProbeRunSummary,
  type AuthMethod,
  type DeclaredTokenLifetime,
  type EvidenceInput,
  type GradeEvidence,
  type StepAggregate,
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
  const totals = { structured: 0, inferred: 0, refreshes: 0, expiredDuringRun: 0 };
  for (const row of input.rollups) {
    const path = row.path === "gateway" ? "gateway" : "direct";
    byPath[path] = mergeAggregates(byPath[path] ?? emptyAggregate(), row);
    totals.structured += row.structuredErrors;
    totals.inferred += row.inferredErrors;
    // Behind a gateway the credential is the gateway's: its refreshes and expiries are not the vendor's.
    if (path === "direct") {
      totals.refreshes += row.credentialRefreshes;
      totals.expiredDuringRun += row.credentialExpired;
    }
  }
  const summary = input.latest.summary === undefined ? undefined : ProbeRunSummary.safeParse(input.latest.summary);
  return evidenceFromAggregates({
    window: input.window,
    aggregates: byPath,
    checks: latestCheckResults(input.latest.checkRuns),
    ...(summary?.success ? { summary: summary.data, ...(input.latest.summaryPath ? { summaryPath: input.latest.summaryPath } : {}) } : {}),
    credential: { refreshes: totals.refreshes, expiredDuringRun: totals.expiredDuringRun },
    errorShapes: { structured: totals.structured, inferred: totals.inferred },
    declared: input.declared,
    authMethod: input.authMethod,
    ...(input.tokenLifetime ? { tokenLifetime: input.tokenLifetime } : {}),
  });
}
