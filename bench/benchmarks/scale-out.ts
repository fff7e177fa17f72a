// scale-out: one vs two `kensa worker` processes on BullMQ (shared Redis + PostgreSQL, each hosting its own
// deterministic sandbox fleet) sweeping the 225 services. Wall time from enqueue to the last run stored, and
// the proof that nothing was done twice: every job enqueued twice (the second add must be dropped), one
// stored run per idempotency key, and every probe.run job's own verdict ("recorded" once, never "duplicate").
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCatalogue } from "@kensa/catalogue";
import { countRuns, countRunsByKey, countRunsByWorker } from "@kensa/db";
import { BullmqJobQueue, probeJobId, runIdempotencyKey } from "@kensa/services";
import { syncCatalogue } from "@kensa/worker";
import { startChild, type Child } from "@kensa/testkit";
import { openBenchPostgres } from "../support/databases";
import { compare, series, type BenchResult } from "../support/measure";

const REPEATS = 2;
const CONCURRENCY = 16;
/** Simulated vendor latency: probing is I/O-bound, as against real vendors. None: CPU-bound on 2 cores. */
const modes = [
  { scale: 1, tag: "simulated vendor latency", timeoutMs: 3_000, target: true },
  { scale: 0, tag: "no simulated latency", timeoutMs: 1_000, target: false },
] as const;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const kensaBin = join(fileURLToPath(new URL("../..", import.meta.url)), "apps/cli/bin/kensa.mjs");
const day = 86_400_000;

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`scale-out: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function scaleOutBenchmark(): Promise<BenchResult> {
  const pg = await openBenchPostgres("scaleout");
  const catalogue = await loadCatalogue();
  await syncCatalogue(pg.db, catalogue, "bench");
  const prefix = `kensa-bench-${process.pid}-${randomBytes(3).toString("hex")}`;
  const queue = new BullmqJobQueue({ connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix });
  const workers: Child[] = [];
  const env = (id: string, mode: (typeof modes)[number]): NodeJS.ProcessEnv => ({
    ...process.env, DATABASE_URL: pg.url, DATABASE_POOL_SIZE: "8", REDIS_URL: redisUrl, KENSA_QUEUE_PREFIX: prefix, KENSA_WORKER_ID: id,
    WORKER_CONCURRENCY: String(CONCURRENCY), KENSA_TARGETS: "sandbox", KENSA_SANDBOX_LATENCY_SCALE: String(mode.scale),
    KENSA_SANDBOX_HANG_MS: String(mode.timeoutMs + 1_000), KENSA_PROBE_TIMEOUT_MS: String(mode.timeoutMs),
  });
  const startWorker = async (id: string, mode: (typeof modes)[number]) => {
    const child = startChild(process.execPath, [kensaBin, "worker"], env(id, mode));
    workers.push(child);
    await child.waitFor(/Ctrl-C stops/, 90_000);
  };
  const out: BenchResult["series"] = [];
  const comparisons: BenchResult["comparisons"] = [];
  const verdicts = { recorded: 0, duplicate: 0, other: 0 };
  const byWorker: Record<string, number> = {};
  const allKeys: string[] = [];
  let sweep = 0;
  const runSweep = async (into: ReturnType<typeof series>) => {
    const tick = Date.UTC(2026, 1, 1) + sweep++ * day;
    const payloads = catalogue.entries.map((e) => ({ serviceId: e.id, path: "direct" as const, trigger: "schedule" as const, tick, intervalMs: day }));
    const keys = payloads.map((p) => runIdempotencyKey(p));
    allKeys.push(...keys);
    const start = performance.now();
    for (const p of payloads) await queue.add("probe.run", p, { jobId: probeJobId(p) });
    // Every job a second time, as a scheduler restarted mid-slot would: BullMQ drops these by job id, and a
    // copy that got through anyway would find its run key stored and answer "duplicate" without probing.
    for (const p of payloads) await queue.add("probe.run", p, { jobId: probeJobId(p) });
    await until(async () => (await countRuns(pg.db, { idempotencyKeys: keys })) >= keys.length, 180_000, `${keys.length} runs of sweep ${sweep}`);
    into.samples.push(Math.round(performance.now() - start));
    // Let the re-grades each run asked for drain before the next sweep starts.
    await until(async () => (await queue.queue.getJobCountByTypes("waiting", "active", "delayed", "prioritized")) === 0, 120_000, "the queue to drain");
  };
  try {
    for (const mode of modes) {
      const one = series(`1 kensa worker, ${mode.tag}`, "ms", "lower");
      const two = series(`2 kensa workers, ${mode.tag}`, "ms", "lower");
      await startWorker(`bench-worker-1-${mode.scale}`, mode);
      await runSweep(series("warm-up", "ms", "lower"));
      for (let i = 0; i < REPEATS; i++) await runSweep(one);
      await startWorker(`bench-worker-2-${mode.scale}`, mode);
      await runSweep(series("warm-up", "ms", "lower"));
      for (let i = 0; i < REPEATS; i++) await runSweep(two);
      await Promise.all(workers.splice(0).map((w) => w.stop()));
      out.push(one, two);
      comparisons.push(compare(two, one, mode.target ? { maxRatio: 0.95, describe: "two workers finish faster than one (ratio < 1)" } : undefined));
    }

    const perKey = await countRunsByKey(pg.db);
    const missing = allKeys.filter((k) => !perKey.has(k));
    const doubled = allKeys.filter((k) => (perKey.get(k) ?? 0) > 1);
    if (missing.length || doubled.length) throw new Error(`scale-out: exactly-once violated: ${missing.length} missing, ${doubled.length} stored twice`);
    for (const job of await queue.queue.getJobs(["completed"], 0, 20_000)) {
      if (job.name !== "probe.run") continue;
      const status = (job.returnvalue as { status?: string } | undefined)?.status;
      if (status === "recorded" || status === "duplicate") verdicts[status] += 1;
      else verdicts.other += 1;
    }
    for (const [workerId, count] of await countRunsByWorker(pg.db)) byWorker[workerId ?? "?"] = count;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pg.drop();
  }
  const sweeps = allKeys.length / catalogue.entries.length;
  return {
    name: "scale-out",
    description: "one vs two `kensa worker` processes on BullMQ sweeping the 225-service fleet",
    series: out,
    comparisons,
    notes: [
      `exactly once: ${sweeps} sweeps × ${catalogue.entries.length} services = ${allKeys.length} runs, each idempotency key stored once (0 missing, 0 doubled); every job was enqueued twice; completed probe.run jobs: ${verdicts.recorded} "recorded", ${verdicts.duplicate} "duplicate" (a second copy that got past the job id), ${verdicts.other} other`,
      `runs per worker: ${Object.entries(byWorker).map(([w, n]) => `${w} ${n}`).join(", ")} (in each mode worker 1 alone did the first ${REPEATS + 1} sweeps)`,
      `each worker: concurrency ${CONCURRENCY}, its own sandbox fleet, per-request bound 3 s with latency, 1 s without (simulated hangs 1 s longer), readiness checks on (a daily schedule: every run checks), every run asks for a re-grade (drained between sweeps, not in the wall time); workers were started before timing; wall time = first enqueue → last run stored`,
      "2 cores: with no simulated latency the sweep is CPU-bound, so the second process can at best use the second core, which PostgreSQL, Redis and this process also need",
    ],
    facts: { verdicts, byWorker, runs: allKeys.length },
  };
}
