// What one service's page reads beyond its row and newest grade (services.ts, grades.ts), each an indexed
// lookup on (service_id, time): the grade changes (consecutive snapshots compared in SQL, so only moves
// come back), recent failed steps with their evidence, and the newest verdict of each readiness check.
import { CheckResult, type GradeReport } from "@kensa/core";
import { gradedSourceSql } from "./graded-sources-sql";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { gradeReportOf } from "./grades";

export interface GradeChange {
  id: string;
  computedAt: Date;
  grade: string;
  score: number;
  methodologyVersion: string;
  report: GradeReport;
  previous: { id: string; grade: string; score: number; methodologyVersion: string; report: GradeReport } | null;
}

const reportColumns = (t: string) =>
  ["methodology_version", "inputs_hash", "window_from", "window_to", "grade", "score", "score_before_caps", "provisional", "axes", "caps", "fixes"]
    .map((c) => `${t}.${c} AS ${t}_${c}`).join(", ");

/** Snapshots where the grade or the methodology changed, newest first, each with the one before it. */
export async function readGradeChanges(db: Database, serviceId: string, limit = 30): Promise<GradeChange[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<ChangeRow[]>(
    `WITH ordered AS (
       SELECT id, computed_at, grade, score, methodology_version,
              lag(id) OVER w AS prev_id, lag(grade) OVER w AS prev_grade, lag(score) OVER w AS prev_score,
              lag(methodology_version) OVER w AS prev_version
       FROM grade_snapshot WHERE service_id = $1 WINDOW w AS (ORDER BY computed_at))
     SELECT o.*, ${reportColumns("g")}, ${reportColumns("p")}
     FROM ordered o
     JOIN grade_snapshot g ON g.id = o.id
     LEFT JOIN grade_snapshot p ON p.id = o.prev_id
     WHERE o.prev_id IS NULL OR o.prev_grade <> o.grade OR o.prev_version <> o.methodology_version
     ORDER BY o.computed_at DESC LIMIT $2`,
    serviceId,
    limit,
  );
  return rows.map((r) => ({
    id: r.id,
    computedAt: r.computed_at,
    grade: r.grade,
    score: r.score,
    methodologyVersion: r.methodology_version,
    report: gradeReportOf(columnsOf(r, "g")),
    previous: r.prev_id ? { id: r.prev_id, grade: r.prev_grade!, score: r.prev_score!, methodologyVersion: r.prev_version!, report: gradeReportOf(columnsOf(r, "p")) } : null,
  }));
}

function columnsOf(r: ChangeRow, t: "g" | "p"): Parameters<typeof gradeReportOf>[0] {
  const c = (name: string) => r[`${t}_${name}`];
  return {
    methodologyVersion: c("methodology_version") as string,
    inputsHash: c("inputs_hash") as string,
    windowFrom: new Date(c("window_from") as Date | string),
    windowTo: new Date(c("window_to") as Date | string),
    grade: c("grade") as string,
    score: c("score") as number,
    scoreBeforeCaps: c("score_before_caps") as number,
    provisional: c("provisional") as boolean,
    axes: c("axes") as GradeReportJson,
    caps: c("caps") as GradeReportJson,
    fixes: c("fixes") as GradeReportJson,
  };
}

export interface FailedStep {
  runId: string;
  seq: number;
  name: string;
  kind: string;
  startedAt: Date;
  latencyMs: number;
  errorClass: string | null;
  fault: string | null;
  confidence: string | null;
  httpStatus: number | null;
  rpcCode: number | null;
  evidence: unknown;
  path: string;
  source: string;
}

/** The newest failed traffic steps (readiness checks and package runs are findings, shown separately). */
export async function readRecentFailures(db: Database, serviceId: string, limit = 20): Promise<FailedStep[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<StepRow[]>(
    `SELECT s.run_id::text AS run_id, s.seq, s.name, s.kind, s.started_at, s.latency_ms, s.error_class, s.fault, s.confidence,
            s.http_status, s.rpc_code, s.evidence, r.path, r.source
     FROM probe_step s JOIN probe_run r ON r.id = s.run_id
     WHERE s.service_id = $1 AND NOT s.ok AND s.kind <> 'check' AND ${gradedSourceSql("r.source")}
     ORDER BY s.started_at DESC LIMIT $2`,
    serviceId,
    limit,
  );
  return rows.map((r) => ({
    runId: r.run_id, seq: r.seq, name: r.name, kind: r.kind, startedAt: r.started_at, latencyMs: r.latency_ms,
    errorClass: r.error_class, fault: r.fault, confidence: r.confidence, httpStatus: r.http_status, rpcCode: r.rpc_code,
    evidence: r.evidence, path: r.path, source: r.source,
  }));
}

export interface CheckStep {
  name: string;
  startedAt: Date;
  ok: boolean;
  /** The CheckResult (verdict, findings, facts) the probe recorded; null when the stored step holds none. */
  check: CheckResult | null;
  source: string;
}

/** The newest result of each readiness check since `since`. */
export async function readLatestChecks(db: Database, serviceId: string, since: Date): Promise<CheckStep[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ name: string; started_at: Date; ok: boolean; check: unknown; source: string }[]>(
    `SELECT DISTINCT ON (s.name) s.name, s.started_at, s.ok, s.evidence -> 'check' AS "check", r.source
     FROM probe_step s JOIN probe_run r ON r.id = s.run_id
     WHERE s.service_id = $1 AND s.kind = 'check' AND s.started_at >= $2::timestamptz
     ORDER BY s.name, s.started_at DESC`,
    serviceId,
    since.toISOString(),
  );
  return rows.map((r) => {
    const check = CheckResult.safeParse(r.check);
    return { name: r.name, startedAt: r.started_at, ok: r.ok, check: check.success ? check.data : null, source: r.source };
  });
}

interface ChangeRow {
  id: string;
  computed_at: Date;
  grade: string;
  score: number;
  methodology_version: string;
  prev_id: string | null;
  prev_grade: string | null;
  prev_score: number | null;
  prev_version: string | null;
  /** The two snapshots' report columns, as g_<column> and p_<column>. */
  [column: `${"g" | "p"}_${string}`]: unknown;
}

type GradeReportJson = Parameters<typeof gradeReportOf>[0]["axes"];

interface StepRow {
  run_id: string;
  seq: number;
  name: string;
  kind: string;
  started_at: Date;
  latency_ms: number;
  error_class: string | null;
  fault: string | null;
  confidence: string | null;
  http_status: number | null;
  rpc_code: number | null;
  evidence: unknown;
  path: string;
  source: string;
}
