// Test runtimes over the real catalogue (a subset), the real sandbox fleet and a real database.
import { loadCatalogue, type Catalogue } from "@kensa/catalogue";
import type { Database } from "@kensa/db";
import { parseWorkerEnv } from "../../config";
import { openRuntime, type KensaRuntime } from "../../runtime/open-runtime";
import { syncCatalogue } from "../../runtime/sync-catalogue";

export const storyServices = ["freee", "slack", "smarthr", "chatwork", "kintone", "backlog"];

export async function subsetCatalogue(ids: readonly string[] = storyServices): Promise<Catalogue> {
  const full = await loadCatalogue();
  const entries = full.entries.filter((e) => ids.includes(e.id));
  if (entries.length !== ids.length) throw new Error(`catalogue lacks some of ${ids.join(", ")}`);
  return { ...full, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

export async function openTestRuntime(options: { database: Database; catalogue?: Catalogue; env?: Record<string, string>; latencyScale?: number }): Promise<KensaRuntime> {
  const catalogue = options.catalogue ?? (await subsetCatalogue());
  const env = parseWorkerEnv({ KENSA_WORKER_ID: `test-${process.pid}`, WORKER_CONCURRENCY: "8", ...options.env });
  const runtime = await openRuntime({ env, log: () => {}, database: options.database, catalogue, sandboxLatencyScale: options.latencyScale ?? 0 });
  await syncCatalogue(runtime.db, catalogue, "test");
  return runtime;
}

/** Makes every probe of this runtime take at least `ms` longer, so a fault can land while jobs are in flight. */
export function slowProbes(runtime: KensaRuntime, ms: number): void {
  const probe = runtime.context.probeService;
  runtime.context.probeService = async (...args) => {
    await new Promise((r) => setTimeout(r, ms));
    return probe(...args);
  };
}

/**
 * A BullMQ runtime for a fault test: probes slowed by `slowMs` so the fault lands mid-sweep, one worker whose
 * failed attempts are collected, and a cleanup that empties the test's queue and closes the runtime.
 */
export async function startFaultWorker(options: { database: Database; redisUrl: string; prefix: string; cleanups: (() => Promise<unknown>)[]; slowMs?: number }) {
  const runtime = await openTestRuntime({ database: options.database, env: { REDIS_URL: options.redisUrl, KENSA_QUEUE_PREFIX: options.prefix } });
  options.cleanups.push(async () => {
    await runtime.bullmq?.queue.queue.obliterate({ force: true });
    await runtime.close();
  });
  slowProbes(runtime, options.slowMs ?? 300);
  const failures: string[] = [];
  const worker = runtime.startWorker({ concurrency: 3 });
  worker.on("failed", (job, error) => failures.push(`${job?.data?.serviceId}: ${error.message}`));
  return { runtime, worker, failures };
}
