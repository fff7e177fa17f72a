// grade.compute: grade one service from its stored evidence — the window's daily rollups per path, the latest
// readiness checks and run summary, the catalogue's declared facts — and store the snapshot. Same evidence and
// methodology version give the same snapshot, stored once.
import { createHash } from "node:crypto";
import { CatalogueEntry, combineSources, gradeService, METHODOLOGY_VERSION, type GradeReport } from "@kensa/core";
import { getService, latestEvidenceRuns, latestGradeBand, readRollups, recordAudit, saveGradeSnapshot } from "@kensa/db";
import type { GradeComputePayload } from "@kensa/services";
import { evidenceFromStored } from "./stored-evidence";
import type { JobContext } from "../runtime/job-context";
import { UnrecoverableJobError } from "../runtime/unrecoverable-job-error";

/** The evidence window a grade judges: the last 30 UTC days up to the grading instant. */
export const evidenceWindowDays = 30;

export type GradeComputeResult = { status: "stored" | "unchanged"; grade: GradeReport["grade"]; score: number } | { status: "no-evidence" };

export async function handleGradeCompute(payload: GradeComputePayload, ctx: JobContext): Promise<GradeComputeResult> {
  const service = await getService(ctx.db, payload.serviceId);
  if (!service) throw new UnrecoverableJobError(`grade.compute: unknown service "${payload.serviceId}"`);
  const entry = CatalogueEntry.parse(service.catalogue);
  const asOf = new Date(payload.asOf ?? ctx.clock.now());
  const from = new Date(asOf.getTime() - (evidenceWindowDays - 1) * 86_400_000);
  const window = { from: `${from.toISOString().slice(0, 10)}T00:00:00.000Z`, to: asOf.toISOString() };

  const rollups = await readRollups(ctx.db, { from: window.from.slice(0, 10), to: window.to.slice(0, 10), serviceIds: [service.id] });
  if (rollups.length === 0) return { status: "no-evidence" };
  const evidence = evidenceFromStored({
    window,
    rollups,
    latest: await latestEvidenceRuns(ctx.db, service.id, asOf),
    declared: entry.facts,
    authMethod: entry.authMethod,
    ...(entry.tokenLifetime ? { tokenLifetime: entry.tokenLifetime } : {}),
  });
  const report = gradeService(evidence);
  const previousGrade = await latestGradeBand(ctx.db, service.id);
  const stored = await saveGradeSnapshot(ctx.db, {
    id: snapshotId(service.id, METHODOLOGY_VERSION, report.evidenceHash),
    serviceId: service.id,
    computedAt: asOf,
    source: combineSources(...rollups.map((r) => r.source))!, // rollups is not empty (above)
    report,
    inputs: evidence,
  });
  if (stored && previousGrade !== null && previousGrade !== report.grade) {
    await recordAudit(ctx.db, {
      actor: `worker:${ctx.workerId}`,
      action: "grade.changed",
      target: service.id,
      details: { from: previousGrade, to: report.grade, score: report.score, methodologyVersion: report.methodologyVersion, reason: payload.reason },
      at: asOf,
    });
  }
  return { status: stored ? "stored" : "unchanged", grade: report.grade, score: report.score };
}

function snapshotId(serviceId: string, version: string, hash: string): string {
  const h = createHash("sha256").update(`${serviceId}|${version}|${hash}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
