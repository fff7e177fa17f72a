// A Kensa runtime for benchmarks: the real catalogue (225 services), the process's own sandbox fleet, the
// in-process runner (no Redis) and a given database — exactly what `kensa start` assembles.
import type { Database } from "@kensa/db";
import { readinessCheckSlot } from "@kensa/services";
import { openRuntime, parseWorkerEnv, syncCatalogue, type KensaRuntime } from "@kensa/worker";

export interface BenchRuntimeOptions {
  /** The sandbox's simulated latency multiplier: 0 measures pure cost, 1 the simulated vendors' latency. */
  latencyScale: number;
  /** Simulated hangs and the probes' per-request bound (a hang outlasts the bound, so it is a timeout). */
  requestTimeoutMs: number;
  concurrency?: number;
  workerId?: string;
}

export async function openBenchRuntime(database: Database, options: BenchRuntimeOptions): Promise<KensaRuntime> {
  const env = parseWorkerEnv({ KENSA_WORKER_ID: options.workerId ?? `bench-${process.pid}`, WORKER_CONCURRENCY: String(options.concurrency ?? 16), KENSA_TARGETS: "sandbox" });
  const runtime = await openRuntime({
    env,
    log: () => {},
    database,
    sandboxLatencyScale: options.latencyScale,
    sandboxHangMs: options.requestTimeoutMs + 1_000,
    probeLimits: { requestTimeoutMs: options.requestTimeoutMs },
  });
  await syncCatalogue(runtime.db, runtime.catalogue, "bench");
  return runtime;
}

const day = 86_400_000;
const slotMs = day / 4;

/** A probe.run payload for a scheduled slot of a 6-hour schedule: the service's readiness-check slot of the day
 * (the worker's own rule, @kensa/services) when withChecks, else the slot after it. */
export function sweepPayload(serviceId: string, dayIndex: number, withChecks: boolean) {
  const checkSlot = readinessCheckSlot({ serviceId, path: "direct" }, slotMs)!;
  const slot = withChecks ? checkSlot : (checkSlot + 1) % 4;
  return { serviceId, path: "direct" as const, trigger: "backfill" as const, tick: Date.UTC(2026, 0, 1) + dayIndex * day + slot * slotMs, intervalMs: slotMs };
}
