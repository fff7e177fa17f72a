// Grade snapshots: one per (service, methodology version, evidence). Saving the same grade twice is a no-op.
import type { Prisma } from "../client";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { storable } from "./storable";

export interface GradeSnapshotInput {
  id: string;
  serviceId: string;
  methodologyVersion: string;
  computedAt: Date;
  windowFrom: Date;
  windowTo: Date;
  grade: string;
  score: number;
  scoreBeforeCaps: number;
  provisional: boolean;
  source: string;
  axes: unknown;
  caps: unknown;
  fixes: unknown;
  inputs: unknown;
  inputsHash: string;
}

/** Returns true when a new snapshot was written, false when this exact grade was already stored. */
export async function saveGradeSnapshot(db: Database, snapshot: GradeSnapshotInput): Promise<boolean> {
  // Findings quote what targets said: keep their bytes storable (storable.ts).
  const json = (v: unknown) => storable(v) as Prisma.InputJsonValue;
  const rows = await prismaOf(db).gradeSnapshot.createMany({
    data: [{ ...snapshot, axes: json(snapshot.axes), caps: json(snapshot.caps), fixes: json(snapshot.fixes), inputs: json(snapshot.inputs) }],
    skipDuplicates: true,
  });
  return rows.count === 1;
}

export function latestGrade(db: Database, serviceId: string) {
  return prismaOf(db).gradeSnapshot.findFirst({ where: { serviceId }, orderBy: { computedAt: "desc" } });
}

export function gradeHistory(db: Database, serviceId: string, limit = 100) {
  return prismaOf(db).gradeSnapshot.findMany({ where: { serviceId }, orderBy: { computedAt: "desc" }, take: limit });
}

/** The newest snapshot of every service, in one query (DISTINCT ON uses the (service, computed_at) index). */
export async function latestGrades(db: Database): Promise<{ serviceId: string; grade: string; score: number; methodologyVersion: string; computedAt: Date; provisional: boolean }[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ service_id: string; grade: string; score: number; methodology_version: string; computed_at: Date; provisional: boolean }[]>(
    `SELECT DISTINCT ON (service_id) service_id, grade, score, methodology_version, computed_at, provisional
     FROM grade_snapshot ORDER BY service_id, computed_at DESC`,
  );
  return rows.map((r) => ({ serviceId: r.service_id, grade: r.grade, score: r.score, methodologyVersion: r.methodology_version, computedAt: r.computed_at, provisional: r.provisional }));
}
