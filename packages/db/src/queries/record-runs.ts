// The ingest path: runs, their steps and the daily rollups, in one transaction.
// The run's idempotency key makes a retried or duplicated job write nothing, rollups included.
import {
  addTally, aggregateRun, combineSources, dataSourceOrder, isGradedSource, httpStatusOf, mergeAggregates, latencyPercentiles, rpcCodeOf, stepOk, tallyRun,
  type ProbeRunRecord, type RunTally, type StepAggregate,
} from "@kensa/core";
import type { Database } from "../open-database";
import type { SqlQuery } from "../raw-sql";
import { columns } from "./sql-arrays";
import { storable } from "./storable";

export interface RecordReport {
  inserted: string[];
  duplicates: string[];
  steps: number;
}

export async function recordRuns(db: Database, given: readonly ProbeRunRecord[]): Promise<RecordReport> {
  if (given.length === 0) return { inserted: [], duplicates: [], steps: 0 };
  // Everything in a run that came from the target may hold bytes PostgreSQL refuses (storable.ts).
  const runs = given.map(storable);
  // Two runs with one key in the same batch: the first is the run, the others are duplicates like any retry.
  const seen = new Set<string>();
  const firsts = runs.filter((r) => !seen.has(r.idempotencyKey) && seen.add(r.idempotencyKey));
  return db.sql.transaction(async (q) => {
    const insertedKeys = new Set(await insertRuns(q, firsts));
    const fresh = firsts.filter((r) => insertedKeys.has(r.idempotencyKey));
    const steps = await insertSteps(q, fresh);
    // Package runs are findings about the vendor's published server, not traffic (core data-source.ts).
    await addToRollups(q, fresh.filter((r) => isGradedSource(r.source)));
    return {
      inserted: fresh.map((r) => r.id),
      duplicates: runs.filter((r) => !fresh.includes(r)).map((r) => r.idempotencyKey),
      steps,
    };
  });
}

async function insertRuns(q: SqlQuery, runs: readonly ProbeRunRecord[]): Promise<string[]> {
  const c = columns(runs, {
    id: (r) => r.id,
    key: (r) => r.idempotencyKey,
    service: (r) => r.serviceId,
    trigger: (r) => r.trigger,
    source: (r) => r.source,
    path: (r) => r.path,
    worker: (r) => r.workerId ?? null,
    started: (r) => r.startedAt,
    finished: (r) => r.finishedAt,
    duration: (r) => Math.max(0, Math.round(Date.parse(r.finishedAt) - Date.parse(r.startedAt))),
    stepCount: (r) => r.steps.length,
    failed: (r) => r.steps.filter((s) => !stepOk(s)).length,
    protocol: (r) => r.summary.protocolVersion ?? null,
    toolsHash: (r) => r.summary.tools?.hash ?? null,
    trace: (r) => r.traceId ?? null,
    summary: (r) => JSON.stringify(r.summary),
  });
  const rows = await q<{ idempotency_key: string }>(
    `INSERT INTO probe_run (id, idempotency_key, service_id, trigger, source, path, worker_id, started_at, finished_at,
       duration_ms, step_count, failed_count, protocol_version, tools_hash, trace_id, summary)
     SELECT id, key, service, trig, src, pth, worker, started, finished, dur, sc, fc, proto, th, trace, summ::jsonb
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
       $9::timestamptz[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[])
       AS t(id, key, service, trig, src, pth, worker, started, finished, dur, sc, fc, proto, th, trace, summ)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING idempotency_key`,
    [c.id, c.key, c.service, c.trigger, c.source, c.path, c.worker, c.started, c.finished,
      c.duration, c.stepCount, c.failed, c.protocol, c.toolsHash, c.trace, c.summary],
  );
  return rows.map((r) => r.idempotency_key);
}

async function insertSteps(q: SqlQuery, runs: readonly ProbeRunRecord[]): Promise<number> {
  const steps = runs.flatMap((run) => run.steps.map((step) => ({ run, step })));
  if (steps.length === 0) return 0;
  const c = columns(steps, {
    run: ({ run }) => run.id,
    service: ({ run }) => run.serviceId,
    seq: ({ step }) => step.seq,
    name: ({ step }) => step.name,
    kind: ({ step }) => step.kind,
    started: ({ step }) => step.startedAt,
    latency: ({ step }) => step.latencyMs,
    ok: ({ step }) => stepOk(step),
    errorClass: ({ step }) => step.classification?.errorClass ?? null,
    fault: ({ step }) => step.classification?.fault ?? null,
    confidence: ({ step }) => step.classification?.confidence ?? null,
    http: ({ step }) => httpStatusOf(step.outcome) ?? null,
    rpc: ({ step }) => rpcCodeOf(step.outcome) ?? null,
    evidence: ({ step }) => JSON.stringify(stepEvidence(step)),
    trace: ({ step, run }) => step.traceId ?? run.traceId ?? null,
  });
  await q(
    `INSERT INTO probe_step (run_id, service_id, seq, name, kind, started_at, latency_ms, ok, error_class, fault,
       confidence, http_status, rpc_code, evidence, trace_id)
     SELECT run, service, seq, name, kind, started, latency, ok, ec, fault, conf, http, rpc, ev::jsonb, trace
     FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::float8[], $8::bool[],
       $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::text[], $15::text[])
       AS t(run, service, seq, name, kind, started, latency, ok, ec, fault, conf, http, rpc, ev, trace)`,
    [c.run, c.service, c.seq, c.name, c.kind, c.started, c.latency, c.ok, c.errorClass, c.fault,
      c.confidence, c.http, c.rpc, c.evidence, c.trace],
  );
  return steps.length;
}

/** What is kept of a step beyond its columns: enough to re-classify and to show a vendor why. */
export function stepEvidence(step: ProbeRunRecord["steps"][number]) {
  return {
    outcome: step.outcome,
    ...(step.check ? { check: step.check } : {}),
    ...(step.excerpt ? { excerpt: step.excerpt } : {}),
    ...(step.classification ? { decidedBy: step.classification.decidedBy, retryable: step.classification.retryable } : {}),
  };
}

/** The UTC day a run belongs to: its start. */
export function rollupDay(startedAt: string): string {
  return new Date(startedAt).toISOString().slice(0, 10);
}

/** A DATE column as YYYY-MM-DD, whichever way the driver hands it back. */
export function dayString(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

interface RollupDelta {
  serviceId: string;
  day: string;
  path: string;
  source: string;
  agg: StepAggregate;
  extras: RunTally;
}

function rollupDeltas(runs: readonly ProbeRunRecord[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const run of runs) {
    const day = rollupDay(run.startedAt);
    const key = `${run.serviceId}\u0000${day}\u0000${run.path}`;
    const runAgg = aggregateRun(run);
    const delta = byKey.get(key);
    if (!delta) byKey.set(key, { serviceId: run.serviceId, day, path: run.path, source: run.source, agg: runAgg, extras: tallyRun(run) });
    else {
      delta.source = combineSources(delta.source, run.source);
      mergeAggregates(delta.agg, runAgg);
      addTally(delta.extras, tallyRun(run));
    }
  }
  // A stable order means concurrent writers lock rollup rows in the same order: no deadlocks.
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/** combineSources (@kensa/core) for the upsert, in SQL: the source listed last among the two wins. */
const combineSourcesSql = (a: string, b: string) =>
  `CASE ${[...dataSourceOrder].slice(1).reverse().map((s) => `WHEN ${a} = '${s}' OR ${b} = '${s}' THEN '${s}'`).join(" ")} ELSE ${a} END`;

const sumJson = (a: string, b: string) =>
  `(SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb) FROM (SELECT k, sum(v::bigint) AS s FROM (
     SELECT * FROM jsonb_each_text(${a}) UNION ALL SELECT * FROM jsonb_each_text(${b})) AS e(k, v) GROUP BY k) AS g)`;

async function addToRollups(q: SqlQuery, runs: readonly ProbeRunRecord[]): Promise<void> {
  const deltas = rollupDeltas(runs);
  if (deltas.length === 0) return;
  const c = columns(deltas, {
    service: (d) => d.serviceId,
    day: (d) => d.day,
    path: (d) => d.path,
    source: (d) => d.source,
    runs: (d) => d.agg.runs,
    calls: (d) => d.agg.calls,
    successes: (d) => d.agg.successes,
    vendor: (d) => d.agg.vendorFailures,
    client: (d) => d.agg.clientFailures,
    inter: (d) => d.agg.intermediaryFailures,
    errors: (d) => JSON.stringify(d.agg.errorCounts),
    hist: (d) => JSON.stringify(d.agg.latencyHistogram),
    structured: (d) => d.extras.structuredErrors,
    inferred: (d) => d.extras.inferredErrors,
    refreshes: (d) => d.extras.credentialRefreshes,
    expired: (d) => d.extras.credentialExpired,
  });
  const merged = await q<{ service_id: string; day: string; path: string; latency_histogram: Record<string, number> }>(
    `INSERT INTO daily_rollup AS r (service_id, day, path, source, runs, calls, successes, vendor_failures, client_failures,
       intermediary_failures, error_counts, latency_histogram, structured_errors, inferred_errors, credential_refreshes,
       credential_expired, updated_at)
     SELECT s, d, p, src, ru, ca, su, vf, cf, inf, ec::jsonb, lh::jsonb, se, ie, cr, ce, now()
     FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[],
       $10::int[], $11::text[], $12::text[], $13::int[], $14::int[], $15::int[], $16::int[])
       AS t(s, d, p, src, ru, ca, su, vf, cf, inf, ec, lh, se, ie, cr, ce)
     ON CONFLICT (service_id, day, path) DO UPDATE SET
       source = ${combineSourcesSql("r.source", "excluded.source")},
       runs = r.runs + excluded.runs,
       calls = r.calls + excluded.calls,
       successes = r.successes + excluded.successes,
       vendor_failures = r.vendor_failures + excluded.vendor_failures,
       client_failures = r.client_failures + excluded.client_failures,
       intermediary_failures = r.intermediary_failures + excluded.intermediary_failures,
       error_counts = ${sumJson("r.error_counts", "excluded.error_counts")},
       latency_histogram = ${sumJson("r.latency_histogram", "excluded.latency_histogram")},
       structured_errors = r.structured_errors + excluded.structured_errors,
       inferred_errors = r.inferred_errors + excluded.inferred_errors,
       credential_refreshes = r.credential_refreshes + excluded.credential_refreshes,
       credential_expired = r.credential_expired + excluded.credential_expired,
       updated_at = now()
     RETURNING service_id, to_char(day, 'YYYY-MM-DD') AS day, path, latency_histogram`,
    [c.service, c.day, c.path, c.source, c.runs, c.calls, c.successes, c.vendor, c.client, c.inter, c.errors, c.hist,
      c.structured, c.inferred, c.refreshes, c.expired],
  );
  // Percentiles come from the merged histogram (one definition, in @kensa/core); the row lock is still ours.
  const withPercentiles = merged.map((m) => ({ ...m, ...latencyPercentiles({ latencyHistogram: m.latency_histogram }) }));
  const p = columns(withPercentiles, {
    service: (m) => m.service_id,
    day: (m) => m.day,
    path: (m) => m.path,
    p50: (m) => m.p50,
    p95: (m) => m.p95,
    p99: (m) => m.p99,
  });
  await q(
    `UPDATE daily_rollup AS r SET p50_ms = t.p50, p95_ms = t.p95, p99_ms = t.p99
     FROM unnest($1::text[], $2::date[], $3::text[], $4::float8[], $5::float8[], $6::float8[]) AS t(s, d, p, p50, p95, p99)
     WHERE r.service_id = t.s AND r.day = t.d AND r.path = t.p`,
    [p.service, p.day, p.path, p.p50, p.p95, p.p99],
  );
}
