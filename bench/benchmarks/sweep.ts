// sweep: one full probe sweep of the 225-service sandbox through the real worker handler (probe.run: connect,
// initialize, tools/list, the catalogue's calls, the readiness checks, classification, storage in PostgreSQL)
// vs the physical limit: a bare SDK client making the same calls against the same fleet, nothing stored.
// Same concurrency (the worker default, 16) and the same per-request bound on both sides, one fleet.
import type { CatalogueEntry } from "@kensa/core";
import { countRuns, countSteps } from "@kensa/db";
import type { KensaRuntime } from "@kensa/worker";
import { bareProbe } from "../support/bare-client";
import { openBenchPostgres } from "../support/databases";
import { openBenchRuntime, sweepPayload } from "../support/fleet-runtime";
import { countServerRequests } from "../support/http-counter";
import { compare, pool, series, type BenchResult, type Series } from "../support/measure";

const CONCURRENCY = 16;
/** No simulated latency: the sweep's pure cost. Simulated latency: what a sweep of real vendors looks like. */
const settings = [
  { scale: 0, tag: "no simulated latency", repeats: 5, requestTimeoutMs: 1_000 },
  { scale: 1, tag: "simulated vendor latency", repeats: 3, requestTimeoutMs: 3_000 },
] as const;

interface Measured {
  wall: Series;
  cpu: Series;
  requests: number;
}

async function measureSide(work: () => Promise<void>, into: Measured, counter: ReturnType<typeof countServerRequests>): Promise<void> {
  counter.reset();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  into.wall.samples.push(Math.round(performance.now() - start));
  const used = process.cpuUsage(cpu);
  into.cpu.samples.push(Math.round((used.user + used.system) / 1000));
  into.requests = counter.count;
}

export async function sweepBenchmark(): Promise<BenchResult> {
  const pg = await openBenchPostgres("sweep");
  const counter = countServerRequests();
  const out: BenchResult = { name: "sweep", description: "full sweep of the 225-service sandbox (calls, readiness checks, classification, storage) vs a bare SDK client making the same calls", series: [], comparisons: [], notes: [], facts: {} };
  let dayIndex = 0;
  try {
    for (const s of settings) {
      let runtime: KensaRuntime | undefined;
      try {
        runtime = await openBenchRuntime(pg.db, { latencyScale: s.scale, requestTimeoutMs: s.requestTimeoutMs, concurrency: CONCURRENCY });
        const rt = runtime;
        const entries: CatalogueEntry[] = rt.catalogue.entries.filter((e) => rt.sandbox!.serviceIds.includes(e.id));
        const kensa: Measured = { wall: series(`Kensa sweep, ${s.tag}`, "ms", "lower"), cpu: series(`Kensa sweep CPU, ${s.tag}`, "ms", "lower"), requests: 0 };
        const bare: Measured = { wall: series(`bare SDK sweep, ${s.tag}`, "ms", "lower"), cpu: series(`bare SDK sweep CPU, ${s.tag}`, "ms", "lower"), requests: 0 };
        const notRecorded: string[] = [];
        const kensaSweep = async () => {
          const d = dayIndex++;
          await pool(entries, CONCURRENCY, async (e) => {
            const result = (await rt.execute("probe.run", sweepPayload(e.id, d, true))) as { status: string };
            if (result.status !== "recorded") notRecorded.push(`${e.id}: ${result.status}`);
          });
        };
        const bareSweep = () => pool(entries, CONCURRENCY, (e) => bareProbe(rt.sandbox!, e, true, s.requestTimeoutMs));
        // One unmeasured sweep each warms the JIT, the connection pools and the database's caches.
        await kensaSweep();
        await bareSweep();
        for (let i = 0; i < s.repeats; i++) {
          // Alternate which goes first, so a burst of load from the machine's other users hits both alike.
          const first = i % 2 === 0;
          await measureSide(first ? kensaSweep : bareSweep, first ? kensa : bare, counter);
          await measureSide(first ? bareSweep : kensaSweep, first ? bare : kensa, counter);
        }
        if (notRecorded.length) throw new Error(`sweep: runs not recorded: ${notRecorded.slice(0, 5).join(", ")}`);
        out.series.push(kensa.wall, bare.wall, kensa.cpu, bare.cpu);
        out.comparisons.push(
          compare(kensa.wall, bare.wall, { maxRatio: 1.2, describe: "wall time ≤ 1.2× the bare v2 SDK client" }),
          compare(kensa.cpu, bare.cpu, s.scale === 0 ? { maxRatio: 1.5, describe: "CPU (this process) ≤ 1.5× the bare SDK client" } : undefined),
        );
        out.facts![`httpRequestsPerSweep (${s.tag})`] = { kensa: kensa.requests, bare: bare.requests };
        out.notes.push(`${s.tag}: ${entries.length} services, per-request bound ${s.requestTimeoutMs} ms (simulated hangs last ${s.requestTimeoutMs + 1_000} ms); ${kensa.requests} HTTP requests per Kensa sweep vs ${bare.requests} for the bare client (Kensa also performs the OAuth token grants, DELETEs its sessions and follows discovery fallbacks)`);
      } finally {
        await runtime?.close();
      }
    }
    const runs = await countRuns(pg.db);
    const steps = await countSteps(pg.db);
    out.facts!.stored = { runs, steps };
    out.notes.push(`concurrency ${CONCURRENCY} on both sides, one warm-up sweep each, then alternating measured sweeps; Kensa stored ${runs} runs / ${steps} steps in PostgreSQL (${(steps / runs).toFixed(1)} steps per run)`);
    out.notes.push("the fleet, Kensa and the bare client share this process: the fleet's own cost is in both figures; PostgreSQL's CPU is not in Kensa's");
  } finally {
    counter.stop();
    await pg.drop();
  }
  return out;
}
