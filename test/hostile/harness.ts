// Runs hostile cases through the worker's real path: a runtime (in-process runner) over a real database,
// with a target resolver pointing each case's catalogue entry at its fixture server. A case is enqueued as
// probe.run, the worker probes, classifies and stores it, then the stored run is read back and judged.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Catalogue } from "@kensa/catalogue";
import { CatalogueEntry } from "@kensa/core";
import { latestRunWithSteps, type Database } from "@kensa/db";
import { openRuntime, parseWorkerEnv, syncCatalogue, type KensaRuntime, type TargetResolver } from "@kensa/worker";
import { hostileLimits, type HostileCase, type ServedTarget, type StoredRunView } from "./cases";
import { checkRun, type CaseReport } from "./judge";
import { leakedResources, resourceCounts, sampleMemory } from "./memory";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
/** A full collection, twice (finalisers queued by the first run in the second). */
export function collect(): void {
  gc();
  gc();
}

const serviceId = (c: HostileCase) => `hostile-${c.id}`;

function entryFor(c: HostileCase): CatalogueEntry {
  return CatalogueEntry.parse({
    id: serviceId(c),
    name: { en: `Hostile: ${c.attack}` },
    vendor: "Kensa hostile suite",
    category: "developer_tools",
    endpoint: { url: null, transport: c.transport ?? "streamable-http" },
    authMethod: "unknown",
    credential: c.credential ?? { kind: "none" },
    calls: c.calls.map((tool) => ({ tool, arguments: {}, readOnly: true })),
    intervalSec: 900,
    sandbox: { profile: c.credential ? "oauth-day-token" : "open-with-writes" },
  });
}

export interface HostileHarness {
  runtime: KensaRuntime;
  runCase(c: HostileCase): Promise<CaseReport>;
  close(): Promise<void>;
}

export async function openHostileHarness(cases: HostileCase[], database: Database): Promise<HostileHarness> {
  const entries = cases.map(entryFor);
  const catalogue: Catalogue = { entries, byId: new Map(entries.map((e) => [e.id, e])), hashOf: (id) => `hostile:${id}`, dir: "test/hostile", overlay: null };
  const urls = new Map<string, string>();
  const secrets = Object.assign({}, ...cases.map((c) => c.secrets ?? {})) as Record<string, string>;
  const targets: TargetResolver = {
    source: "live",
    secrets: { get: (name) => secrets[name] },
    resolve: (entry) => {
      const url = urls.get(entry.id);
      return url ? { url, credential: entry.credential } : undefined;
    },
    paths: () => [{ path: "direct", intervalFactor: 1 }],
  };
  const jobFailures: string[] = [];
  const env = parseWorkerEnv({ KENSA_WORKER_ID: "hostile-suite", KENSA_ALLOW_HOSTS: "127.0.0.1", WORKER_CONCURRENCY: "2", KENSA_TARGETS: "live" });
  const runtime = await openRuntime({
    env,
    log: () => {},
    database,
    catalogue,
    targets,
    probeLimits: hostileLimits,
    onJobFailure: (f) => jobFailures.push(`${f.name}: ${String(f.error)}`),
  });
  await syncCatalogue(database, catalogue, "hostile-suite");
  let n = 0;

  async function runCase(c: HostileCase): Promise<CaseReport> {
    collect();
    const before = resourceCounts();
    const failuresBefore = jobFailures.length;
    const target: ServedTarget = await c.serve();
    urls.set(serviceId(c), target.url);
    const memory = sampleMemory();
    const started = performance.now();
    const requestId = `hostile-${c.id}-${++n}-${Date.now()}`;
    let stored: StoredRunView | undefined;
    let runError: string | undefined;
    try {
      await runtime.queue.add("probe.run", { serviceId: serviceId(c), path: "direct", trigger: "manual", requestId, requestedBy: "hostile-suite" });
      await runtime.runner!.idle();
    } catch (error) {
      runError = String(error);
    }
    const ms = performance.now() - started;
    const peak = memory.stop();
    await target.close();
    const run = await latestRunWithSteps(database, { serviceIds: [serviceId(c)], keySuffix: requestId });
    if (run) {
      const summary = run.summary as { tools?: { count?: number; names?: string[] } };
      stored = {
        summaryJson: JSON.stringify(run.summary),
        stepsJson: JSON.stringify(run.steps, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
        toolsCount: summary.tools?.count,
        toolNames: summary.tools?.names ?? [],
      };
    }
    // Sockets the target closed take a moment to finish closing: count again before calling anything a leak.
    let leaks: string[] = [];
    for (const waitMs of [50, 250, 1_000]) {
      await new Promise((r) => setTimeout(r, waitMs));
      collect();
      leaks = leakedResources(before, resourceCounts());
      if (leaks.length === 0) break;
    }
    const problems = [
      ...(runError ? [`the worker failed: ${runError}`] : []),
      ...jobFailures.slice(failuresBefore).map((f) => `job failure: ${f}`),
      ...(ms > c.boundMs ? [`took ${Math.round(ms)} ms, bound ${c.boundMs} ms`] : []),
      ...leaks.map((l) => `left open: ${l}`),
    ];
    return checkRun(c, run ?? undefined, stored, target, { ms, peakHeapMb: peak.heapMb, peakRssMb: peak.rssMb, heapAfterMb: process.memoryUsage().heapUsed / 2 ** 20 }, problems);
  }

  return {
    runtime,
    runCase,
    close: async () => {
      await runtime.close();
    },
  };
}
