// Grades are reproducible per methodology version: when this build's version differs from the one behind the
// stored grades, every service is re-graded under the new one, and the change is audited once.
import { METHODOLOGY_VERSION } from "@kensa/core";
import { recordAudit, type Database } from "@kensa/db";
import type { JobQueue } from "./job-queue";

export async function regradeOnMethodologyChange(db: Database, queue: JobQueue, serviceIds: readonly string[], actor: string): Promise<{ from: string; to: string } | null> {
  const stale = await db.prisma.gradeSnapshot.findFirst({ where: { methodologyVersion: { not: METHODOLOGY_VERSION } }, orderBy: { computedAt: "desc" }, select: { methodologyVersion: true } });
  const current = await db.prisma.gradeSnapshot.findFirst({ where: { methodologyVersion: METHODOLOGY_VERSION }, select: { id: true } });
  if (!stale || current) return null;
  await recordAudit(db.prisma, { actor, action: "methodology.changed", target: METHODOLOGY_VERSION, details: { from: stale.methodologyVersion, to: METHODOLOGY_VERSION, services: serviceIds.length } });
  for (const serviceId of serviceIds) await queue.add("grade.compute", { serviceId, reason: "methodology-change" }, { dedupeId: `grade.compute|${serviceId}` });
  return { from: stale.methodologyVersion, to: METHODOLOGY_VERSION };
}
