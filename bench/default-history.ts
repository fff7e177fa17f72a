// The default sandbox history over the whole catalogue, exactly as `kensa start` builds it (fresh PGlite in a
// temporary data folder, default seed, days, sweeps and concurrency), then what a newcomer would see of it:
// calls and timeouts (by hour of day and path), freee's and Slack's final grades. Minutes of work, so a
// script rather than a test: `node --import tsx bench/default-history.ts [days]` (one at a time on 2 cores);
// HISTORY_CONCURRENCY and HISTORY_CHECK_CONCURRENCY override the backfill's concurrencies to compare them.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { latestGrade, readGradeInputs, type Database } from "@kensa/db";
import { backfillHistory, openRuntime, parseBackfillEnv, parseWorkerEnv, scheduledProbes, syncCatalogue } from "@kensa/worker";

const dataDir = await mkdtemp(join(tmpdir(), "kensa-history-"));
const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = process.env;
const env = parseWorkerEnv({ ...rest, KENSA_DATA_DIR: dataDir });
const history = parseBackfillEnv();
const days = process.argv[2] ? Number(process.argv[2]) : history.KENSA_BACKFILL_DAYS;
const runtime = await openRuntime({ env, log: () => {}, migrations: "apply" });
try {
  await syncCatalogue(runtime.db, runtime.catalogue, "default-history");
  const probes = scheduledProbes(runtime.catalogue.entries, runtime.targets);
  const started = performance.now();
  const report = await backfillHistory(runtime, probes, {
    days,
    sweepsPerDay: history.KENSA_BACKFILL_SWEEPS_PER_DAY,
    concurrency: Number(process.env["HISTORY_CONCURRENCY"] ?? Math.max(env.WORKER_CONCURRENCY, Math.min(probes.length, 256))), // as apps/cli's start command
    ...(process.env["HISTORY_CHECK_CONCURRENCY"] ? { checkConcurrency: Number(process.env["HISTORY_CHECK_CONCURRENCY"]) } : {}),
    onProgress: (p) => process.stderr.write(`\r${p.sweep}/${p.sweeps} ${p.day} ${p.runs} runs ${((performance.now() - started) / 1000).toFixed(0)} s`),
  });
  process.stderr.write("\n");
  console.log(JSON.stringify({ services: runtime.catalogue.entries.length, days, ...report, seconds: Math.round((performance.now() - started) / 1000) }));
  await summarise(runtime.db);
} finally {
  await runtime.close();
  await rm(dataDir, { recursive: true, force: true });
}

async function summarise(db: Database): Promise<void> {
  const q = <T>(sql: string) => db.sql.query<T>(sql);
  const traffic = `(s.kind IN ('protocol', 'call') OR (s.kind = 'transport' AND NOT s.ok))`;
  const [totals] = await q<{ calls: number; timeouts: number; checks: number; check_timeouts: number }>(
    `SELECT count(*) FILTER (WHERE ${traffic})::int AS calls, count(*) FILTER (WHERE ${traffic} AND s.error_class = 'timeout')::int AS timeouts,
            count(*) FILTER (WHERE s.kind = 'check')::int AS checks, count(*) FILTER (WHERE s.kind = 'check' AND s.error_class = 'timeout')::int AS check_timeouts
     FROM probe_step s`);
  console.log("totals", totals);
  const bySlot = await q<{ hour: number; path: string; timeouts: number; check_runs: number }>(
    `SELECT extract(hour FROM r.started_at)::int AS hour, r.path, count(*) FILTER (WHERE s.error_class = 'timeout')::int AS timeouts,
            count(DISTINCT r.id) FILTER (WHERE s.kind = 'check')::int AS check_runs
     FROM probe_step s JOIN probe_run r ON r.id = s.run_id GROUP BY 1, 2 ORDER BY 1, 2`);
  console.log("timeouts (all steps) and check runs by hour and path", JSON.stringify(bySlot));
  for (const id of ["freee", "slack"]) {
    const stored = await latestGrade(db, id);
    const inputs = (await readGradeInputs(db, stored!.id)) as { traffic: Record<string, { calls: number; errorCounts: Record<string, number> }>; checks?: Record<string, unknown> };
    const traffic = Object.fromEntries(Object.entries(inputs.traffic).map(([path, t]) => [path, { calls: t.calls, errors: t.errorCounts }]));
    console.log(id, JSON.stringify({ grade: stored!.report.grade, score: stored!.report.score, computedAt: stored!.computedAt, traffic, checks: Object.keys(inputs.checks ?? {}).length }));
  }
  const [noChecks] = await q<{ services: number }>(
    `SELECT count(*)::int AS services FROM service v WHERE NOT EXISTS (SELECT 1 FROM probe_step s WHERE s.service_id = v.id AND s.kind = 'check')`);
  console.log("services with no stored check at all", noChecks);
  const [unchecked] = await q<{ grades: number; first_day: number }>(
    `SELECT count(*)::int AS grades, count(*) FILTER (WHERE computed_at < (SELECT min(computed_at) FROM grade_snapshot) + interval '1 hour')::int AS first_day
     FROM grade_snapshot WHERE coalesce(inputs->'checks', '{}'::jsonb) = '{}'::jsonb`);
  console.log("grades computed without readiness checks (all, on the first simulated day)", unchecked);
}
