// Grade snapshots for a seeded history, computed by the real scorer (@kensa/core gradeService) from the
// same aggregates the rollups hold, and stored the way the grade.compute job stores them.
import { createHash } from "node:crypto";
import { emptyAggregate, evidenceFromAggregates, evidenceHash, gradeService, mergeAggregates, type CheckResult, type ProbeRunSummary, type StepAggregate } from "@kensa/core";
import type { GradeSnapshotInput } from "@kensa/db";
import type { SeedService } from "./seed-services";

export interface DayEvidence {
  direct?: StepAggregate;
  gateway?: StepAggregate;
  checks: CheckResult[];
}

/** Grade `service` as of the end of `days[days.length - 1]`, from those days' evidence (oldest first). */
export function seedGradeSnapshot(service: SeedService, asOf: Date, windowFrom: Date, days: readonly DayEvidence[], summary: ProbeRunSummary): GradeSnapshotInput {
  const aggregates: { direct?: StepAggregate; gateway?: StepAggregate } = {};
  const checks = new Map<string, CheckResult>();
  for (const d of days) {
    if (d.direct) aggregates.direct = mergeAggregates(aggregates.direct ?? emptyAggregate(), d.direct);
    if (d.gateway) aggregates.gateway = mergeAggregates(aggregates.gateway ?? emptyAggregate(), d.gateway);
    for (const c of d.checks) checks.set(c.check, c);
  }
  const evidence = evidenceFromAggregates({
    window: { from: windowFrom.toISOString(), to: asOf.toISOString() },
    aggregates,
    checks: [...checks.values()],
    summary,
    declared: service.entry.facts,
    authMethod: service.entry.authMethod,
    ...(service.entry.tokenLifetime ? { tokenLifetime: service.entry.tokenLifetime } : {}),
  });
  const report = gradeService(evidence);
  const inputsHash = evidenceHash(evidence);
  return {
    id: uuidFrom(`${service.id}|${report.methodologyVersion}|${inputsHash}`),
    serviceId: service.id,
    computedAt: asOf,
    source: service.source,
    report,
    inputs: evidence,
  };
}

export function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
