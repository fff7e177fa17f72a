// Grade snapshots: one per (service, methodology version, evidence). Saving the same grade twice is a no-op.
// A snapshot is core's GradeReport spread over columns; it comes back as one, read by core's
// parseStoredGradeReport (which upgrades reports written by older methodology versions).
import { normaliseSource, parseStoredGradeReport, type DataSource, type GradeEvidence, type GradeReport } from "@kensa/core";
import type { GradeSnapshotModel, Prisma } from "../client";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { storable } from "./storable";

export interface GradeSnapshotInput {
  id: string;
  serviceId: string;
  computedAt: Date;
  /** Where the evidence came from (core combineSources over the window's rollups). */
  source: DataSource;
  report: GradeReport;
  /** The evidence the report was computed from; report.evidenceHash is its hash. */
  inputs: GradeEvidence;
}

export interface StoredGrade {
  id: string;
  serviceId: string;
  computedAt: Date;
  source: DataSource;
  report: GradeReport;
}

/** The columns a report is spread over. */
export type GradeReportColumns = Pick<GradeSnapshotModel,
  "methodologyVersion" | "inputsHash" | "windowFrom" | "windowTo" | "grade" | "score" | "scoreBeforeCaps" | "provisional" | "axes" | "caps" | "fixes">;

/** Returns true when a new snapshot was written, false when this exact grade was already stored. */
export async function saveGradeSnapshot(db: Database, snapshot: GradeSnapshotInput): Promise<boolean> {
  const { report } = snapshot;
  // Findings quote what targets said: keep their bytes storable (storable.ts).
  const json = (v: unknown) => storable(v) as Prisma.InputJsonValue;
  const rows = await prismaOf(db).gradeSnapshot.createMany({
    data: [{
      id: snapshot.id,
      serviceId: snapshot.serviceId,
      methodologyVersion: report.methodologyVersion,
      computedAt: snapshot.computedAt,
      windowFrom: new Date(report.window.from),
      windowTo: new Date(report.window.to),
      grade: report.grade,
      score: report.score,
      scoreBeforeCaps: report.scoreBeforeCaps,
      provisional: report.provisional,
      source: snapshot.source,
      axes: json(report.axes),
      caps: json(report.caps),
      // The future grade under a staged methodology rides with the fixes: both are "what comes next", and it
      // needs no column of its own (absent when nothing is staged).
      fixes: json({ fixes: report.fixes, nextGrade: report.nextGrade, ...(report.future ? { future: report.future } : {}) }),
      inputs: json(snapshot.inputs),
      inputsHash: report.evidenceHash,
    }],
    skipDuplicates: true,
  });
  return rows.count === 1;
}

/** The report a snapshot's columns hold, as today's GradeReport. */
export function gradeReportOf(row: GradeReportColumns): GradeReport {
  const fixes = (row.fixes ?? {}) as { fixes?: unknown; nextGrade?: unknown; future?: unknown };
  return parseStoredGradeReport({
    methodologyVersion: row.methodologyVersion,
    evidenceHash: row.inputsHash,
    window: { from: row.windowFrom.toISOString(), to: row.windowTo.toISOString() },
    grade: row.grade,
    score: row.score,
    scoreBeforeCaps: row.scoreBeforeCaps,
    provisional: row.provisional,
    axes: row.axes,
    caps: row.caps,
    fixes: fixes.fixes,
    nextGrade: fixes.nextGrade,
    ...(fixes.future !== undefined ? { future: fixes.future } : {}),
  }, row.methodologyVersion);
}

export function storedGradeOf(row: GradeSnapshotModel): StoredGrade {
  return { id: row.id, serviceId: row.serviceId, computedAt: row.computedAt, source: normaliseSource(row.source), report: gradeReportOf(row) };
}

export async function latestGrade(db: Database, serviceId: string): Promise<StoredGrade | null> {
  const row = await prismaOf(db).gradeSnapshot.findFirst({ where: { serviceId }, orderBy: { computedAt: "desc" } });
  return row ? storedGradeOf(row) : null;
}

/** Only the newest grade's band: what a re-grade compares against, readable whatever the snapshot's version. */
export async function latestGradeBand(db: Database, serviceId: string): Promise<string | null> {
  const row = await prismaOf(db).gradeSnapshot.findFirst({ where: { serviceId }, orderBy: { computedAt: "desc" }, select: { grade: true } });
  return row?.grade ?? null;
}

export async function gradeHistory(db: Database, serviceId: string, limit = 100): Promise<StoredGrade[]> {
  const rows = await prismaOf(db).gradeSnapshot.findMany({ where: { serviceId }, orderBy: { computedAt: "desc" }, take: limit });
  return rows.map(storedGradeOf);
}

/** The newest snapshot of every service, in one query (DISTINCT ON uses the (service, computed_at) index). */
export async function latestGrades(db: Database): Promise<{ serviceId: string; grade: string; score: number; methodologyVersion: string; computedAt: Date; provisional: boolean }[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ service_id: string; grade: string; score: number; methodology_version: string; computed_at: Date; provisional: boolean }[]>(
    `SELECT DISTINCT ON (service_id) service_id, grade, score, methodology_version, computed_at, provisional
     FROM grade_snapshot ORDER BY service_id, computed_at DESC`,
  );
  return rows.map((r) => ({ serviceId: r.service_id, grade: r.grade, score: r.score, methodologyVersion: r.methodology_version, computedAt: r.computed_at, provisional: r.provisional }));
}

/** The evidence a stored snapshot was computed from, as stored (a newer methodology may read it differently): what a
 * re-computation or an audit of that grade starts from. */
export async function readGradeInputs(db: Database, snapshotId: string): Promise<unknown> {
  const row = await prismaOf(db).gradeSnapshot.findUnique({ where: { id: snapshotId }, select: { inputs: true } });
  return row?.inputs ?? null;
}
