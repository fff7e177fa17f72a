// A soak of one worker process: N probe runs through BullMQ against its own sandbox fleet, with the worker's
// memory sampled after a full GC every second. Reusable (issue 8's hardening soak can call `soak` as is):
// it owns a fresh PostgreSQL database and Redis prefix and cleans both up.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { loadCatalogue } from "@kensa/catalogue";
import { probeJobId, syncCatalogue } from "@kensa/worker";
import { BullmqJobQueue, jobOptions } from "../../apps/worker/src/runtime/bullmq-runner";
import { startChild } from "./child";
import { openBenchPostgres } from "./databases";

export interface MemorySample {
  completed: number;
  rss: number;
  heapUsed: number;
  external: number;
  gc: boolean;
  at: number;
}

export interface SoakOptions {
  runs: number;
  concurrency?: number;
  /** Sandbox latency multiplier in the worker (0: as fast as the machine allows). */
  latencyScale?: number;
  requestTimeoutMs?: number;
  onProgress?: (stored: number, sample: MemorySample) => void;
}

export interface SoakReport {
  runs: number;
  seconds: number;
  samples: MemorySample[];
  /** Distinct idempotency keys stored / runs stored (equal when nothing was written twice). */
  stored: { keys: number; rows: number };
}

const redisUrl = () => process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const workerScript = fileURLToPath(new URL("./soak-worker.ts", import.meta.url));

export async function soak(options: SoakOptions): Promise<SoakReport> {
  const pg = await openBenchPostgres("soak");
  const catalogue = await loadCatalogue();
  await syncCatalogue(pg.db, catalogue, "bench");
  const prefix = `kensa-soak-${process.pid}-${randomBytes(3).toString("hex")}`;
  const queue = new BullmqJobQueue({ connection: { url: redisUrl(), maxRetriesPerRequest: null }, prefix });
  const samples: MemorySample[] = [];
  const timeoutMs = options.requestTimeoutMs ?? 1_000;
  const worker = startChild(process.execPath, ["--expose-gc", "--import", "tsx", workerScript], {
    ...process.env, DATABASE_URL: pg.url, DATABASE_POOL_SIZE: "8", REDIS_URL: redisUrl(), KENSA_QUEUE_PREFIX: prefix, KENSA_WORKER_ID: "soak",
    WORKER_CONCURRENCY: String(options.concurrency ?? 16), KENSA_TARGETS: "sandbox", KENSA_SANDBOX_LATENCY_SCALE: String(options.latencyScale ?? 0),
    KENSA_SANDBOX_HANG_MS: String(timeoutMs + 1_000), KENSA_PROBE_TIMEOUT_MS: String(timeoutMs),
  }, (line) => {
    if (!line.startsWith("MEM ")) return;
    const sample = JSON.parse(line.slice(4)) as MemorySample;
    samples.push(sample);
  });
  try {
    await worker.waitFor(/^READY$/, 90_000);
    const started = performance.now();
    // Slots every 15 minutes from 00:15 UTC: ordinary traffic probes (readiness checks run at 00:00 only).
    const interval = 900_000;
    const base = Date.UTC(2026, 2, 1) + interval;
    const ids = catalogue.entries.map((e) => e.id);
    for (let i = 0; i < options.runs; i += 500) {
      const batch = Array.from({ length: Math.min(500, options.runs - i) }, (_, j) => {
        const n = i + j;
        const payload = { serviceId: ids[n % ids.length]!, path: "direct" as const, trigger: "schedule" as const, tick: base + Math.floor(n / ids.length) * interval, intervalMs: interval };
        return { name: "probe.run", data: payload, opts: { ...jobOptions("probe.run"), jobId: probeJobId(payload) } };
      });
      await queue.queue.addBulk(batch);
    }
    let stored = 0;
    while (stored < options.runs) {
      await new Promise((r) => setTimeout(r, 1_000));
      stored = await pg.db.prisma.probeRun.count();
      const last = samples[samples.length - 1];
      if (last) options.onProgress?.(stored, last);
      if (worker.process.exitCode !== null) throw new Error(`soak: the worker exited (${worker.process.exitCode})`);
      if (performance.now() - started > 900_000) throw new Error(`soak: only ${stored} of ${options.runs} runs after 15 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2_500)); // two more samples with the worker idle
    const keys = await pg.db.prisma.probeRun.groupBy({ by: ["idempotencyKey"] });
    return { runs: options.runs, seconds, samples: [...samples], stored: { keys: keys.length, rows: stored } };
  } finally {
    await worker.stop();
    await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pg.drop();
  }
}
