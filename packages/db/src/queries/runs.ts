// Reading runs back: existence by idempotency key (the worker's guard before probing) and recent runs.
import type { CheckResult, ProbeStepRecord, RunPath, StepOutcome } from "@kensa/core";
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
 * runs that ran readiness checks (checks may run less often than traffic probes).
 */
export async function latestEvidenceRuns(db: DbClient, serviceId: string, asOf: Date, checkRuns = 3): Promise<{ summary: unknown; summaryPath: RunPath | undefined; checkRuns: RunWithChecks[] }> {
  const latestOn = (path?: RunPath) => db.probeRun.findFirst({
    where: { serviceId, startedAt: { lte: asOf }, ...(path ? { path } : {}) }, orderBy: { startedAt: "desc" }, select: { summary: true, path: true },
  });
  const latest = (await latestOn("direct")) ?? (await latestOn());
  const runIds = await latestCheckRunIds(db, serviceId, asOf, checkRuns);
  const steps = runIds.length
    ? await db.probeStep.findMany({ where: { runId: { in: runIds }, kind: "check" }, orderBy: [{ runId: "asc" }, { seq: "asc" }] })
    : [];
  const byRun = new Map<string, RunWithChecks>();
  for (const s of steps) {
    const evidence = s.evidence as { outcome?: StepOutcome; check?: CheckResult };
    if (!evidence.check || !evidence.outcome) continue;
    const run = byRun.get(s.runId) ?? { id: s.runId, startedAt: s.startedAt.toISOString(), steps: [] };
    if (s.startedAt.toISOString() < run.startedAt) run.startedAt = s.startedAt.toISOString();
    run.steps.push({ seq: s.seq, name: s.name, kind: "check", startedAt: s.startedAt.toISOString(), latencyMs: s.latencyMs, outcome: evidence.outcome, check: evidence.check });
    byRun.set(s.runId, run);
  }
  return { summary: latest?.summary, summaryPath: latest ? (latest.path === "gateway" ? "gateway" : "direct") : undefined, checkRuns: [...byRun.values()] };
}

/**
 * The runs whose latest check step is newest, walking the (service, started_at) index backwards page by page:
 * it reads only the steps since the n-th latest checked run. Grouping every check step of the service first
 * read the whole history (a year of steps per grade, bench/benchmarks/scoring.ts).
 */
async function latestCheckRunIds(db: DbClient, serviceId: string, asOf: Date, n: number): Promise<string[]> {
  const found: string[] = [];
  // A checked run has a handful of check steps: start with a page that covers n of them, then widen.
  for (let offset = 0, page = Math.max(8, n * 8); found.length < n; offset += page, page *= 2) {
    const rows = await db.$queryRawUnsafe<{ run_id: string }[]>(
      `SELECT run_id::text FROM probe_step WHERE service_id = $1 AND started_at <= $2::timestamptz AND kind = 'check'
       ORDER BY started_at DESC, run_id LIMIT $3 OFFSET $4`,
      serviceId, asOf.toISOString(), page, offset,
    );
    for (const r of rows) if (!found.includes(r.run_id) && found.length < n) found.push(r.run_id);
    if (rows.length < page) break;
  }
  return found;
}
