// Grades are reproducible per methodology version: when this build's version differs from the one behind the
// stored grades — or a different next version is staged, whose future grade every grade shows — every service
// is re-graded, and the change is audited once.
import { currentMethodology, stagedMethodology } from "@kensa/core";
import { recordAudit, supersededMethodology, supersededStagedMethodology, type Database } from "@kensa/db";
import type { JobQueue } from "./jobs/job-queue";

export interface MethodologyChange {
  from: string;
  to: string;
  /** The staged version the grades' future is computed under after the re-grade (null: none staged). */
  staged: string | null;
}

export async function regradeOnMethodologyChange(db: Database, queue: JobQueue, serviceIds: readonly string[], actor: string): Promise<MethodologyChange | null> {
  const to = currentMethodology.version;
  const staged = stagedMethodology?.version ?? null;
  const from = await supersededMethodology(db, to);
  if (from !== null) {
    await recordAudit(db, { actor, action: "methodology.changed", target: to, details: { from, to, staged, services: serviceIds.length } });
  } else {
    const stagedFrom = await supersededStagedMethodology(db, to, staged);
    if (stagedFrom === undefined) return null;
    await recordAudit(db, { actor, action: "methodology.staged", target: staged ?? to, details: { current: to, from: stagedFrom, to: staged, services: serviceIds.length } });
  }
  for (const serviceId of serviceIds) await queue.add("grade.compute", { serviceId, reason: "methodology-change" }, { dedupeId: `grade.compute|${serviceId}` });
  return { from: from ?? to, to, staged };
}
