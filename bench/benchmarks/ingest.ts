// ingest: stored step results per second through @kensa/db's bulk path (runs + steps + incremental rollups,
// idempotent) vs a raw unnest insert of the same run and step rows with no rollups — the driver's limit.
import pg from "pg";
import { httpStatusOf, stepOk, type ProbeRunRecord } from "@kensa/core";
import { recordRuns, stepEvidence, type Database } from "@kensa/db";
import { syntheticRun } from "@kensa/testkit";
import { compare, timeIt, type BenchResult, type Series } from "../support/measure";
import { openBenchPglite, openBenchPostgres } from "../support/databases";

const RUNS = 5_000;
const STEPS_PER_RUN = 10;
const BATCH_RUNS = 1_000;
const REPEATS = 5;

function makeRuns(): ProbeRunRecord[] {
  return Array.from({ length: RUNS }, (_, i) =>
    syntheticRun({ serviceId: `svc-${i % 225}`, startedAt: new Date(Date.UTC(2026, 9, 1 + (i % 28), i % 24)), seed: i, calls: STEPS_PER_RUN - 3, idempotencyKey: `bench-${i}` }));
}

async function seedServices(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  const ids = Array.from({ length: 225 }, (_, i) => `svc-${i}`);
  await query(
    `INSERT INTO service (id, name_en, vendor, category, auth_method, catalogue, content_hash, updated_at)
     SELECT id, id, 'bench', 'bench', 'oauth2', '{}'::jsonb, 'h', now() FROM unnest($1::text[]) AS t(id) ON CONFLICT DO NOTHING`, [ids]);
}

const truncate = "TRUNCATE probe_step, probe_run, daily_rollup";

async function rawInsert(query: (sql: string, params?: unknown[]) => Promise<unknown>, runs: ProbeRunRecord[]): Promise<void> {
  await query("BEGIN");
  await query(
    `INSERT INTO probe_run (id, idempotency_key, service_id, trigger, source, path, started_at, finished_at, duration_ms, step_count, failed_count, summary)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::int[], $10::int[], $11::int[], $12::jsonb[])`,
    [runs.map((r) => r.id), runs.map((r) => r.idempotencyKey), runs.map((r) => r.serviceId), runs.map((r) => r.trigger), runs.map((r) => r.source),
      runs.map((r) => r.path), runs.map((r) => r.startedAt), runs.map((r) => r.finishedAt), runs.map(() => 0), runs.map((r) => r.steps.length),
      runs.map(() => 0), runs.map((r) => JSON.stringify(r.summary))]);
  const steps = runs.flatMap((r) => r.steps.map((s) => ({ r, s })));
  await query(
    `INSERT INTO probe_step (run_id, service_id, seq, name, kind, started_at, latency_ms, ok, error_class, fault, confidence, http_status, evidence)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::float8[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::int[], $13::jsonb[])`,
    [steps.map(({ r }) => r.id), steps.map(({ r }) => r.serviceId), steps.map(({ s }) => s.seq), steps.map(({ s }) => s.name), steps.map(({ s }) => s.kind),
      steps.map(({ s }) => s.startedAt), steps.map(({ s }) => s.latencyMs), steps.map(({ s }) => stepOk(s)), steps.map(({ s }) => s.classification?.errorClass ?? null),
      steps.map(({ s }) => s.classification?.fault ?? null), steps.map(({ s }) => s.classification?.confidence ?? null), steps.map(({ s }) => httpStatusOf(s.outcome) ?? null),
      steps.map(({ s }) => JSON.stringify(stepEvidence(s)))]);
  await query("COMMIT");
}

async function measure(label: string, db: Database, raw: (sql: string, params?: unknown[]) => Promise<unknown>, runs: ProbeRunRecord[]): Promise<[Series, Series]> {
  await seedServices(raw);
  const steps = runs.reduce((n, r) => n + r.steps.length, 0);
  const ours: Series = { label: `${label}: @kensa/db recordRuns`, unit: "steps/s", samples: [], better: "higher" };
  const base: Series = { label: `${label}: raw unnest insert`, unit: "steps/s", samples: [], better: "higher" };
  for (let i = 0; i < REPEATS; i++) {
    await raw(truncate);
    const tOurs = await timeIt(async () => {
      for (let b = 0; b < runs.length; b += BATCH_RUNS) await recordRuns(db, runs.slice(b, b + BATCH_RUNS));
    });
    ours.samples.push(Math.round(steps / (tOurs / 1000)));
    await raw(truncate);
    const tRaw = await timeIt(async () => {
      for (let b = 0; b < runs.length; b += BATCH_RUNS) await rawInsert(raw, runs.slice(b, b + BATCH_RUNS));
    });
    base.samples.push(Math.round(steps / (tRaw / 1000)));
  }
  return [ours, base];
}

export async function ingestBenchmark(): Promise<BenchResult> {
  const runs = makeRuns();
  const notes = [`${RUNS} runs × ${STEPS_PER_RUN} steps = ${RUNS * STEPS_PER_RUN} steps per repetition, batches of ${BATCH_RUNS} runs, ${REPEATS} repetitions`];
  const pgBench = await openBenchPostgres("ingest");
  const client = new pg.Client({ connectionString: pgBench.url });
  await client.connect();
  let pgSeries: [Series, Series];
  try {
    pgSeries = await measure("PostgreSQL", pgBench.db, (sql, params) => client.query(sql, params as unknown[]), runs);
  } finally {
    await client.end();
    await pgBench.drop();
  }
  const lite = await openBenchPglite();
  let liteSeries: [Series, Series];
  try {
    if (lite.kind !== "pglite") throw new Error("expected PGlite");
    liteSeries = await measure("PGlite", lite, (sql, params) => lite.pglite.query(sql, params as unknown[]), runs);
  } finally {
    await lite.close();
  }
  return {
    name: "ingest",
    description: "stored step results per second: bulk path (runs + steps + rollups, idempotent) vs raw unnest of runs + steps",
    series: [...pgSeries, ...liteSeries],
    comparisons: [
      compare(pgSeries[0], pgSeries[1], { maxRatio: 1.5, min: 50_000, describe: "≥ 50,000 steps/s and ≤ 1.5× the raw insert" }),
      compare(liteSeries[0], liteSeries[1]),
    ],
    notes,
  };
}
