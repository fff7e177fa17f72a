// soak: the memory of one worker over 10,000 probe runs against its own sandbox fleet (issue 8's runner,
// test/soak/soak.ts, in a child process): start, peak and end of the heap after a full GC and of RSS, and
// the live handles, checkpoint by checkpoint.
import { fileURLToPath } from "node:url";
import type { SoakSample } from "../../test/soak/soak";
import { startChild } from "@kensa/testkit";
import { compare, series, type BenchResult } from "../support/measure";

const RUNS = 10_000;
const EVERY = 500;
const childScript = fileURLToPath(new URL("../support/soak-child.ts", import.meta.url));

interface Done {
  stored: number;
  keys: number;
  steps: number;
  failures: string[];
  failureCount: number;
  drift: { heapGrowthMb: number; rssGrowthMb: number; grownHandles: string[] };
}

export async function soakBenchmark(): Promise<BenchResult> {
  const samples: SoakSample[] = [];
  let done: Done | undefined;
  const child = startChild(process.execPath, ["--import", "tsx", childScript], { ...process.env, SOAK_RUNS: String(RUNS), SOAK_EVERY: String(EVERY) }, (line) => {
    if (line.startsWith("SAMPLE ")) {
      const s = JSON.parse(line.slice(7)) as SoakSample;
      samples.push(s);
      if (s.runs % 2_000 === 0 && s.runs > 0) console.log(`  soak: ${s.runs}/${RUNS} runs, heap ${s.heapMb} MB, rss ${s.rssMb} MB`);
    } else if (line.startsWith("DONE ")) done = JSON.parse(line.slice(5)) as Done;
  });
  const code = await child.exited;
  if (code !== 0 || !done) throw new Error(`soak: the worker process exited with ${code} before reporting`);
  if (done.stored !== RUNS || done.keys !== RUNS) throw new Error(`soak: ${done.stored} runs stored under ${done.keys} keys, expected ${RUNS}`);
  const warm = samples[1]!;
  const end = samples[samples.length - 1]!;
  const at = (s: SoakSample) => ({ runs: s.runs, heapMB: s.heapMb, rssMB: s.rssMb });
  // Least-squares slope of the heap after GC over runs, warm to end: a leak shows as a steady climb.
  const tail = samples.slice(1);
  const mx = tail.reduce((a, s) => a + s.runs, 0) / tail.length;
  const my = tail.reduce((a, s) => a + s.heapMb, 0) / tail.length;
  const slope = tail.reduce((a, s) => a + (s.runs - mx) * (s.heapMb - my), 0) / Math.max(1, tail.reduce((a, s) => a + (s.runs - mx) ** 2, 0));
  const heap = series("heap after GC (each checkpoint)", "MB", "lower", samples.map((s) => s.heapMb));
  const rss = series("RSS after GC (each checkpoint)", "MB", "lower", samples.map((s) => s.rssMb));
  const peak = series("peak RSS while running (each checkpoint)", "MB", "lower", samples.slice(1).map((s) => s.peakRssMb));
  const heapGrowth = series(`heap growth, ${warm.runs} runs → ${end.runs}`, "MB", "lower", [done.drift.heapGrowthMb]);
  const rate = series("soak throughput", "runs/s", "higher", [Math.round(end.runs / end.seconds)]);
  return {
    name: "soak",
    description: `memory of one worker over ${RUNS.toLocaleString("en-US")} probe runs (issue 8's soak runner, own process, sandbox fleet, PostgreSQL)`,
    series: [heap, rss, peak, heapGrowth, rate],
    comparisons: [compare(heapGrowth, undefined, { max: 10, on: "max", describe: "flat: heap after GC grows ≤ 10 MB after warm-up" })],
    notes: [
      `start ${JSON.stringify(at(samples[0]!))}, warm ${JSON.stringify(at(warm))}, end ${JSON.stringify(at(end))}; peak heap ${Math.max(...samples.map((s) => s.peakHeapMb))} MB, peak RSS ${Math.max(...samples.map((s) => s.peakRssMb))} MB`,
      `heap trend warm → end: ${Math.round(slope * 1024 * 1000)} KB per 1,000 runs (least squares over ${tail.length} checkpoints); handle types that grew: ${done.drift.grownHandles.join(", ") || "none"}`,
      `${done.stored} runs stored under ${done.keys} distinct keys, ${done.steps} steps (${(done.steps / done.stored).toFixed(1)} per run; direct and gateway paths, readiness checks in each service's daily check slot); job failures: ${done.failureCount}`,
      `checkpoints every ${EVERY} runs, each after a full GC; in-process runner at concurrency 16, no simulated latency, the worker's own fleet in its process`,
    ],
    facts: { start: at(samples[0]!), warm: at(warm), end: at(end), drift: done.drift, steps: done.steps, seconds: end.seconds, heapKbPer1000Runs: Math.round(slope * 1024 * 1000) },
  };
}
