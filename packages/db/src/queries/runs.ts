// Reading runs back: existence by idempotency key (the worker's guard before probing), the evidence a grade
// needs, counts for the exactly-once audits of sweeps, and one run with its steps.
import { runPathOf, summaryRunOf, vendorCredentialPaths, type CheckResult, type ProbeStepRecord, type RunPath, type StepOutcome } from "@kensa/core";
import type { Prisma } from "../client";
import { gradedSourceSql } from "./graded-sources-sql";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export async function runExists(db: Database, idempotencyKey: string): Promise<boolean> {
  return (await prismaOf(db).probeRun.count({ where: { idempotencyKey } })) > 0;
}

/** Whether any run was ever recorded: kensa start builds sandbox history only into an empty database. */
export async function anyRunRecorded(db: Database): Promise<boolean> {
  return (await prismaOf(db).probeRun.findFirst({ select: { id: true } })) !== null;
}

/** Which runs a count or a read is about; every field given must hold. */
export interface RunFilter {
  idempotencyKeys?: readonly string[];
  keyPrefix?: string;
  keySuffix?: string;
  serviceIds?: readonly string[];
  workerId?: string;
  startedSince?: Date;
}

export function runWhere(filter: RunFilter): Prisma.ProbeRunWhereInput {
  const key: Prisma.StringFilter = {
    ...(filter.idempotencyKeys ? { in: [...filter.idempotencyKeys] } : {}),
    ...(filter.keyPrefix !== undefined ? { startsWith: filter.keyPrefix } : {}),
    ...(filter.keySuffix !== undefined ? { endsWith: filter.keySuffix } : {}),
  };
  return {
    ...(Object.keys(key).length > 0 ? { idempotencyKey: key } : {}),
    ...(filter.serviceIds ? { serviceId: { in: [...filter.serviceIds] } } : {}),
    ...(filter.workerId !== undefined ? { workerId: filter.workerId } : {}),
    ...(filter.startedSince ? { startedAt: { gte: filter.startedSince } } : {}),
  };
}

/** The matching runs without their steps, oldest first. */
export function listRuns(db: Database, filter: RunFilter) {
  return prismaOf(db).probeRun.findMany({ where: runWhere(filter), orderBy: { startedAt: "asc" } });
}

export function countRuns(db: Database, filter: RunFilter = {}): Promise<number> {
  return prismaOf(db).probeRun.count({ where: runWhere(filter) });
}

/** Runs counted per idempotency key: the exactly-once audit of a sweep (a key counted twice was stored twice). */
export async function countRunsByKey(db: Database, filter: RunFilter = {}): Promise<Map<string, number>> {
  const rows = await prismaOf(db).probeRun.groupBy({ by: ["idempotencyKey"], where: runWhere(filter), _count: { _all: true } });
  return new Map(rows.map((r) => [r.idempotencyKey, r._count._all]));
}

/** Runs counted per worker id (null: recorded without one): how a sweep was shared out. */
export async function countRunsByWorker(db: Database, filter: RunFilter = {}): Promise<Map<string | null, number>> {
  const rows = await prismaOf(db).probeRun.groupBy({ by: ["workerId"], where: runWhere(filter), _count: { _all: true } });
  return new Map(rows.map((r) => [r.workerId, r._count._all]));
}

/** Each run's declared step count beside the steps stored for it: a run stored in part shows a difference. */
export async function runStepTallies(db: Database, filter: RunFilter): Promise<{ id: string; serviceId: string; stepCount: number; storedSteps: number }[]> {
  const runs = await prismaOf(db).probeRun.findMany({ where: runWhere(filter), select: { id: true, stepCount: true, serviceId: true, _count: { select: { steps: true } } } });
  return runs.map((r) => ({ id: r.id, serviceId: r.serviceId, stepCount: r.stepCount, storedSteps: r._count.steps }));
}

/** The newest run matching the filter, with its steps in order; null when none does. */
export function latestRunWithSteps(db: Database, filter: RunFilter) {
  return prismaOf(db).probeRun.findFirst({ where: runWhere(filter), orderBy: { createdAt: "desc" }, include: { steps: { orderBy: { seq: "asc" } } } });
}

export interface RunWithChecks {
  id: string;
  startedAt: string;
  steps: ProbeStepRecord[];
}

/**
 * What a grade needs beyond rollups, as of an instant: the latest run's summary — the latest direct run's where
 * there is one, since a gateway run carries the gateway's credential — and the check steps of the latest few
 * runs that ran readiness checks (checks may run less often than traffic probes). Two round trips: a grade
 * job runs this once per service, and the query builder cost more than the queries (bench: scoring).
 */
export async function latestEvidenceRuns(db: Database, serviceId: string, asOf: Date, checkRuns = 3): Promise<{ summary: unknown; summaryPath: RunPath | undefined; checkRuns: RunWithChecks[] }> {
  const [latest, steps] = await Promise.all([latestSummary(db, serviceId, asOf), latestCheckSteps(db, serviceId, asOf, checkRuns)]);
  const byRun = new Map<string, RunWithChecks>();
  for (const s of steps) {
    const evidence = s.evidence as { outcome?: StepOutcome; check?: CheckResult };
    if (!evidence.check || !evidence.outcome) continue;
    const startedAt = new Date(s.started_at).toISOString();
    const run = byRun.get(s.run_id) ?? { id: s.run_id, startedAt, steps: [] };
    if (startedAt < run.startedAt) run.startedAt = startedAt;
    run.steps.push({ seq: s.seq, name: s.name, kind: "check", startedAt, latencyMs: s.latency_ms, outcome: evidence.outcome, check: evidence.check });
    byRun.set(s.run_id, run);
  }
  return { summary: latest?.summary, summaryPath: latest?.path, checkRuns: [...byRun.values()] };
}

/** The newest summary carrying the vendor's credential, else the newest run's (core summaryRunOf): both walk the (service, started_at) index. */
async function latestSummary(db: Database, serviceId: string, asOf: Date): Promise<{ summary: unknown; path: RunPath } | undefined> {
  // A package run's summary is the vendor's package with dummy configuration: never a grade's evidence.
  const graded = gradedSourceSql("source");
  const rows = await prismaOf(db).$queryRawUnsafe<{ summary: unknown; path: string }[]>(
    `(SELECT summary, path FROM probe_run WHERE service_id = $1 AND started_at <= $2::timestamptz AND path = ANY($3::text[]) AND ${graded} ORDER BY started_at DESC LIMIT 1)
     UNION ALL
     (SELECT summary, path FROM probe_run WHERE service_id = $1 AND started_at <= $2::timestamptz AND ${graded} ORDER BY started_at DESC LIMIT 1)`,
    serviceId, asOf.toISOString(), vendorCredentialPaths,
  );
  return summaryRunOf(rows.map((r) => ({ summary: r.summary, path: runPathOf(r.path) })));
}

interface CheckStepRow {
  run_id: string;
  seq: number;
  name: string;
  started_at: Date | string;
  latency_ms: number;
  evidence: unknown;
  scanned: number;
}

/**
 * The check steps of the n runs whose latest check step is newest. It walks the (service, started_at) index
 * backwards through the newest `page` check steps only — a checked run has a handful, so the first page
 * almost always holds n runs — and widens the page when it does not. Grouping every check step of the
 * service instead read the whole history (a year of steps per grade). Direct runs only (methodology 1.1.2): a
 * check run through a gateway judges the gateway's own metadata, which is neither the vendor's auth nor its
 * observed auth method (it made API-key and open servers read as OAuth 2.1 on the leaderboard).
 */
async function latestCheckSteps(db: Database, serviceId: string, asOf: Date, n: number): Promise<CheckStepRow[]> {
  for (let page = Math.max(8, n * 8); ; page *= 4) {
    const rows = await prismaOf(db).$queryRawUnsafe<CheckStepRow[]>(
      `WITH recent AS (
         SELECT s.run_id, s.started_at FROM probe_step s JOIN probe_run r ON r.id = s.run_id
         WHERE s.service_id = $1 AND s.started_at <= $2::timestamptz AND s.kind = 'check' AND r.path <> 'gateway'
         ORDER BY s.started_at DESC, s.run_id LIMIT $3
       ), runs AS (
         SELECT run_id FROM recent GROUP BY run_id ORDER BY max(started_at) DESC, run_id LIMIT $4
       )
       SELECT s.run_id::text AS run_id, s.seq, s.name, s.started_at, s.latency_ms, s.evidence, (SELECT count(*) FROM recent)::int AS scanned
       FROM probe_step s JOIN runs USING (run_id)
       WHERE s.kind = 'check'
       ORDER BY s.run_id, s.seq`,
      serviceId, asOf.toISOString(), page, n,
    );
    const runs = new Set(rows.map((r) => r.run_id)).size;
    if (runs >= n || rows.length === 0 || rows[0]!.scanned < page) return rows;
  }
}
