// Daily rollups: read them, and recompute them from raw steps (repair, verification, methodology changes).
import {
  addRunCredential, addStep, addStepShape, combineSources, emptyAggregate, emptyTally, latencyPercentiles,
  type Confidence, type ErrorClass, type Fault, type RunTally, type StepAggregate, type StepKind,
} from "@kensa/core";
import { gradedSourceSql } from "./graded-sources-sql";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import type { SqlQuery } from "../raw-sql";
import { columns } from "./sql-arrays";
import { dayString } from "./record-runs";

export interface RollupRow extends StepAggregate, RunTally {
  serviceId: string;
  day: string;
  path: string;
  source: string;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface DayRange {
  /** Inclusive, YYYY-MM-DD (UTC). */
  from: string;
  to: string;
  serviceIds?: readonly string[];
}

interface RollupDbRow {
  service_id: string;
  day: Date | string;
  path: string;
  source: string;
  runs: number;
  calls: number;
  successes: number;
  vendor_failures: number;
  client_failures: number;
  intermediary_failures: number;
  error_counts: Partial<Record<ErrorClass, number>>;
  latency_histogram: Record<string, number>;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  structured_errors: number;
  inferred_errors: number;
  credential_refreshes: number;
  credential_expired: number;
}

// Raw SQL: a 90-day window of every service is ~30k rows with two JSON columns each, and the query
// builder took ~2.3× as long as the query itself to materialise them (bench/benchmarks/scoring.ts).
export async function readRollups(db: Database, range: DayRange): Promise<RollupRow[]> {
  const params: unknown[] = [range.from, range.to];
  const serviceFilter = range.serviceIds ? "AND service_id = ANY($3::text[])" : "";
  if (range.serviceIds) params.push([...range.serviceIds]);
  const rows = await prismaOf(db).$queryRawUnsafe<RollupDbRow[]>(
    `SELECT service_id, day, path, source, runs, calls, successes, vendor_failures, client_failures, intermediary_failures,
            error_counts, latency_histogram, p50_ms, p95_ms, p99_ms, structured_errors, inferred_errors, credential_refreshes, credential_expired
     FROM daily_rollup WHERE day >= $1::date AND day <= $2::date ${serviceFilter}
     ORDER BY service_id, day, path`,
    ...params,
  );
  return rows.map((r) => ({
    serviceId: r.service_id,
    day: dayString(r.day),
    path: r.path,
    source: r.source,
    runs: r.runs,
    calls: r.calls,
    successes: r.successes,
    vendorFailures: r.vendor_failures,
    clientFailures: r.client_failures,
    intermediaryFailures: r.intermediary_failures,
    errorCounts: r.error_counts,
    latencyHistogram: r.latency_histogram,
    p50Ms: r.p50_ms,
    p95Ms: r.p95_ms,
    p99Ms: r.p99_ms,
    structuredErrors: r.structured_errors,
    inferredErrors: r.inferred_errors,
    credentialRefreshes: r.credential_refreshes,
    credentialExpired: r.credential_expired,
  }));
}

interface StepRow {
  service_id: string;
  day: string;
  path: string;
  source: string;
  run_id: string;
  kind: StepKind | null;
  ok: boolean | null;
  latency_ms: number | null;
  error_class: ErrorClass | null;
  fault: Fault | null;
  confidence: Confidence | null;
  refreshes: number | null;
  expired: number | null;
}

/** The rollups that raw steps imply, computed with the same core functions as the ingest path. */
export function computeRollupsFromSteps(db: Database, range: DayRange): Promise<RollupRow[]> {
  return computeWith(db.sql.query, range);
}

async function computeWith(query: SqlQuery, range: DayRange): Promise<RollupRow[]> {
  const params: unknown[] = [`${range.from}T00:00:00Z`, `${range.to}T23:59:59.999Z`];
  const serviceFilter = range.serviceIds ? `AND r.service_id = ANY($3::text[])` : "";
  if (range.serviceIds) params.push([...range.serviceIds]);
  const rows = await query<StepRow>(
    `SELECT r.service_id, to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, r.path, r.source, r.id::text AS run_id,
            s.kind, s.ok, s.latency_ms, s.error_class, s.fault, s.confidence,
            (r.summary->'credential'->>'refreshes')::int AS refreshes, (r.summary->'credential'->>'expiredDuringRun')::int AS expired
     FROM probe_run r LEFT JOIN probe_step s ON s.run_id = r.id
     WHERE r.started_at >= $1::timestamptz AND r.started_at <= $2::timestamptz AND ${gradedSourceSql("r.source")} ${serviceFilter}`,
    params,
  );
  const groups = new Map<string, { row: Pick<RollupRow, "serviceId" | "day" | "path" | "source">; agg: StepAggregate; extras: RunTally; runIds: Set<string> }>();
  for (const r of rows) {
    const key = `${r.service_id}\u0000${r.day}\u0000${r.path}`;
    let g = groups.get(key);
    if (!g) {
      g = { row: { serviceId: r.service_id, day: r.day, path: r.path, source: r.source }, agg: emptyAggregate(), extras: emptyTally(), runIds: new Set() };
      groups.set(key, g);
    }
    g.row.source = combineSources(g.row.source, r.source);
    if (!g.runIds.has(r.run_id)) {
      g.runIds.add(r.run_id);
      addRunCredential(g.extras, { refreshes: r.refreshes ?? 0, expiredDuringRun: r.expired ?? 0 });
    }
    if (r.kind !== null) {
      addStep(g.agg, { kind: r.kind, ok: r.ok ?? false, latencyMs: r.latency_ms ?? 0, errorClass: r.error_class, fault: r.fault });
      addStepShape(g.extras, { kind: r.kind, errorClass: r.error_class, fault: r.fault, confidence: r.confidence });
    }
  }
  return [...groups.values()]
    .map(({ row, agg, extras, runIds }) => {
      agg.runs = runIds.size;
      const p = latencyPercentiles(agg);
      return { ...row, ...agg, ...extras, p50Ms: p.p50, p95Ms: p.p95, p99Ms: p.p99 };
    })
    .sort((a, b) => (a.serviceId + a.day + a.path < b.serviceId + b.day + b.path ? -1 : 1));
}

/**
 * Replaces the rollups of a range with a recomputation from raw steps (repair; it reuses the stored
 * classifications). The table lock makes concurrent ingest wait: a run committed while the rebuild reads
 * would otherwise have its increment wiped by the delete.
 */
export async function rebuildRollups(db: Database, range: DayRange): Promise<number> {
  return db.sql.transaction(async (q) => {
    await q("LOCK TABLE daily_rollup IN SHARE ROW EXCLUSIVE MODE");
    const fresh = await computeWith(q, range);
    const params: unknown[] = [range.from, range.to];
    if (range.serviceIds) params.push([...range.serviceIds]);
    await q(`DELETE FROM daily_rollup WHERE day BETWEEN $1::date AND $2::date${range.serviceIds ? " AND service_id = ANY($3::text[])" : ""}`, params);
    if (fresh.length === 0) return 0;
    const c = columns(fresh, {
      s: (r) => r.serviceId, d: (r) => r.day, p: (r) => r.path, src: (r) => r.source, ru: (r) => r.runs, ca: (r) => r.calls,
      su: (r) => r.successes, vf: (r) => r.vendorFailures, cf: (r) => r.clientFailures, inf: (r) => r.intermediaryFailures,
      ec: (r) => JSON.stringify(r.errorCounts), lh: (r) => JSON.stringify(r.latencyHistogram),
      p50: (r) => r.p50Ms, p95: (r) => r.p95Ms, p99: (r) => r.p99Ms,
      se: (r) => r.structuredErrors, ie: (r) => r.inferredErrors, cr: (r) => r.credentialRefreshes, ce: (r) => r.credentialExpired,
    });
    await q(
      `INSERT INTO daily_rollup (service_id, day, path, source, runs, calls, successes, vendor_failures, client_failures,
         intermediary_failures, error_counts, latency_histogram, p50_ms, p95_ms, p99_ms, structured_errors, inferred_errors,
         credential_refreshes, credential_expired, updated_at)
       SELECT s, d, p, src, ru, ca, su, vf, cf, inf, ec::jsonb, lh::jsonb, p50, p95, p99, se, ie, cr, ce, now()
       FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[],
         $10::int[], $11::text[], $12::text[], $13::float8[], $14::float8[], $15::float8[], $16::int[], $17::int[], $18::int[], $19::int[])
         AS t(s, d, p, src, ru, ca, su, vf, cf, inf, ec, lh, p50, p95, p99, se, ie, cr, ce)`,
      [c.s, c.d, c.p, c.src, c.ru, c.ca, c.su, c.vf, c.cf, c.inf, c.ec, c.lh, c.p50, c.p95, c.p99, c.se, c.ie, c.cr, c.ce],
    );
    return fresh.length;
  });
}

/** Runs and calls the daily rollups of these services count in all: each run must be counted once. */
export async function sumRollups(db: Database, serviceIds: readonly string[]): Promise<{ runs: number; calls: number }> {
  const sums = await prismaOf(db).dailyRollup.aggregate({ where: { serviceId: { in: [...serviceIds] } }, _sum: { runs: true, calls: true } });
  return { runs: sums._sum.runs ?? 0, calls: sums._sum.calls ?? 0 };
}
