// Reading runs back: existence by idempotency key (the worker's guard before probing) and recent runs.
import { summaryRunOf, vendorCredentialPaths, type CheckResult, type ProbeStepRecord, type RunPath, type StepOutcome } from "@kensa/core";
import type { DbClient } from "../client";

export async function runExists(db: DbClient, idempotencyKey: string): Promise<boolean> {
  return (await db.probeRun.count({ where: { idempotencyKey } })) > 0;
}

export function recentRuns(db: DbClient, serviceId: string, limit = 20) {
  return db.probeRun.findMany({ where: { serviceId }, orderBy: { startedAt: "desc" }, take: limit });
}

/** Runs whose idempotency keys start with a prefix, counted per key: the exactly-once audit of a sweep. */
export async function countRunsByKeyPrefix(db: DbClient, prefix: string): Promise<Map<string, number>> {
  const rows = await db.probeRun.groupBy({ by: ["idempotencyKey"], where: { idempotencyKey: { startsWith: prefix } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.idempotencyKey, r._count._all]));
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
export async function latestEvidenceRuns(db: DbClient, serviceId: string, asOf: Date, checkRuns = 3): Promise<{ summary: unknown; summaryPath: RunPath | undefined; checkRuns: RunWithChecks[] }> {
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
async function latestSummary(db: DbClient, serviceId: string, asOf: Date): Promise<{ summary: unknown; path: RunPath } | undefined> {
  const rows = await db.$queryRawUnsafe<{ summary: unknown; path: string }[]>(
    `(SELECT summary, path FROM probe_run WHERE service_id = $1 AND started_at <= $2::timestamptz AND path = ANY($3::text[]) ORDER BY started_at DESC LIMIT 1)
     UNION ALL
     (SELECT summary, path FROM probe_run WHERE service_id = $1 AND started_at <= $2::timestamptz ORDER BY started_at DESC LIMIT 1)`,
    serviceId, asOf.toISOString(), vendorCredentialPaths,
  );
  return summaryRunOf(rows.map((r) => ({ summary: r.summary, path: r.path === "gateway" ? ("gateway" as const) : ("direct" as const) })));
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
 * service instead read the whole history (a year of steps per grade).
 */
async function latestCheckSteps(db: DbClient, serviceId: string, asOf: Date, n: number): Promise<CheckStepRow[]> {
  for (let page = Math.max(8, n * 8); ; page *= 4) {
    const rows = await db.$queryRawUnsafe<CheckStepRow[]>(
      `WITH recent AS (
         SELECT run_id, started_at FROM probe_step
         WHERE service_id = $1 AND started_at <= $2::timestamptz AND kind = 'check'
         ORDER BY started_at DESC, run_id LIMIT $3
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
