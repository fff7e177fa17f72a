// Grades are reproducible per methodology version: when this build's version differs from the one behind the
// stored grades, every service is re-graded under the new one, and the change is audited once.
import { METHODOLOGY_VERSION } from "@kensa/core";
import { recordAudit, supersededMethodology, type Database } from "@kensa/db";
import type { JobQueue } from "./jobs/job-queue";

export async function regradeOnMethodologyChange(db: Database, queue: JobQueue, serviceIds: readonly string[], actor: string): Promise<{ from: string; to: string } | null> {
  const from = await supersededMethodology(db, METHODOLOGY_VERSION);
  if (from === null) return null;
  await recordAudit(db, { actor, action: "methodology.changed", target: METHODOLOGY_VERSION, details: { from, to: METHODOLOGY_VERSION, services: serviceIds.length } });
  for (const serviceId of serviceIds) await queue.add("grade.compute", { serviceId, reason: "methodology-change" }, { dedupeId: `grade.compute|${serviceId}` });
  return { from, to: METHODOLOGY_VERSION };
}
