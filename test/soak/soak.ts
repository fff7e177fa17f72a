// The soak: one worker runtime (in-process runner, the real sandbox fleet, the real catalogue) probing and
// storing N runs in batches, with the heap, RSS and live handles read after a full GC at every checkpoint.
// A leak shows as a heap that keeps climbing or a handle type whose count keeps growing.
import type { Catalogue } from "@kensa/catalogue";
import { countRuns, type Database } from "@kensa/db";
import { openRuntime, parseWorkerEnv, syncCatalogue, type KensaRuntime } from "@kensa/worker";
import { collect } from "../hostile/harness";
import { resourceCounts, sampleMemory } from "../hostile/memory";

export interface SoakSample {
  runs: number;
  seconds: number;
  heapMb: number;
  rssMb: number;
  externalMb: number;
  /** Peak heap / RSS while the batch ran (before GC). */
  peakHeapMb: number;
  peakRssMb: number;
  handles: Record<string, number>;
  /** Listeners on process-wide emitters (a listener leak grows here). */
  processListeners: number;
}

export interface SoakOptions {
  runs: number;
  checkpointEvery: number;
  database: Database;
  catalogue?: Catalogue;
  concurrency?: number;
  onSample?: (sample: SoakSample) => void;
}

export interface SoakReport {
  samples: SoakSample[];
  stored: number;
  failures: string[];
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const interval = 900_000;

function processListeners(): number {
  return process.eventNames().reduce((n, name) => n + process.listenerCount(name), 0);
}

function snapshot(runs: number, started: number, peak: { heapMb: number; rssMb: number }): SoakSample {
  collect();
  const m = process.memoryUsage();
  return {
    runs,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    heapMb: mb(m.heapUsed),
    rssMb: mb(m.rss),
    externalMb: mb(m.external),
    peakHeapMb: Math.round(peak.heapMb * 10) / 10,
    peakRssMb: Math.round(peak.rssMb * 10) / 10,
    handles: Object.fromEntries([...resourceCounts()].sort()),
    processListeners: processListeners(),
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const env = parseWorkerEnv({ KENSA_WORKER_ID: "soak", WORKER_CONCURRENCY: String(options.concurrency ?? 16), KENSA_TARGETS: "sandbox" });
  const failures: string[] = [];
  const runtime: KensaRuntime = await openRuntime({
    env,
    log: () => {},
    database: options.database,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    sandboxLatencyScale: 0,
    onJobFailure: (f) => failures.push(`${f.name}: ${String(f.error)}`),
  });
  try {
    await syncCatalogue(options.database, runtime.catalogue, "soak");
    const slots = runtime.catalogue.entries.flatMap((e) => [{ serviceId: e.id, path: "direct" as const }, { serviceId: e.id, path: "gateway" as const }]);
    const base = Date.UTC(2026, 9, 1);
    const started = performance.now();
    const samples: SoakSample[] = [snapshot(0, started, { heapMb: 0, rssMb: 0 })];
    options.onSample?.(samples[0]!);
    let enqueued = 0;
    while (enqueued < options.runs) {
      const batch = Math.min(options.checkpointEvery, options.runs - enqueued);
      const memory = sampleMemory(50);
      for (let i = 0; i < batch; i++, enqueued++) {
        const slot = slots[enqueued % slots.length]!;
        const tick = base + Math.floor(enqueued / slots.length) * interval;
        await runtime.queue.add("probe.run", { ...slot, trigger: "schedule", tick, intervalMs: interval });
      }
      await runtime.runner!.idle();
      const sample = snapshot(enqueued, started, memory.stop());
      samples.push(sample);
      options.onSample?.(sample);
    }
    const stored = await countRuns(options.database, { workerId: "soak" });
    return { samples, stored, failures };
  } finally {
    await runtime.close();
  }
}

/**
 * Heap and RSS growth (MB) from the first checkpoint after warm-up to the last, and handle types whose final
 * count exceeds everything seen after warm-up by more than `slack`: pooled and keep-alive connections come and
 * go by a handful, a leak grows with every run (hundreds per checkpoint).
 */
export function soakDrift(samples: SoakSample[], warmupIndex = 1, slack = 8): { heapGrowthMb: number; rssGrowthMb: number; grownHandles: string[] } {
  const from = samples[Math.min(warmupIndex, samples.length - 1)]!;
  const to = samples.at(-1)!;
  const earlier = samples.slice(warmupIndex, -1).length ? samples.slice(warmupIndex, -1) : [from];
  const grownHandles = Object.entries(to.handles)
    .filter(([type, n]) => n > Math.max(...earlier.map((s) => s.handles[type] ?? 0)) + slack)
    .map(([type, n]) => `${type} ${from.handles[type] ?? 0} → ${n}`);
  if (to.processListeners > from.processListeners) grownHandles.push(`process listeners ${from.processListeners} → ${to.processListeners}`);
  return { heapGrowthMb: Math.round((to.heapMb - from.heapMb) * 10) / 10, rssGrowthMb: Math.round((to.rssMb - from.rssMb) * 10) / 10, grownHandles };
}
