// soak: the memory of one worker process (`kensa worker` + a memory probe) over 10,000 probe runs through
// BullMQ against its own sandbox fleet: start, peak and end, heap measured right after a full GC.
import { compare, series, type BenchResult } from "../support/measure";
import { soak, type MemorySample } from "../support/soak";

const RUNS = Number(process.env.KENSA_BENCH_SOAK_RUNS ?? 10_000);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export async function soakBenchmark(): Promise<BenchResult> {
  let shown = 0;
  const report = await soak({
    runs: RUNS,
    onProgress: (stored, sample) => {
      if (stored - shown >= 2_000) {
        shown = stored;
        console.log(`  soak: ${stored}/${RUNS} runs, heap ${mb(sample.heapUsed)} MB, rss ${mb(sample.rss)} MB`);
      }
    },
  });
  const s = report.samples;
  if (s.length < 5) throw new Error(`soak: only ${s.length} memory samples`);
  if (!s[0]!.gc) throw new Error("soak: the worker ran without --expose-gc; heap figures would be noise");
  // "Warm" = the first sample after 10% of the runs: JIT, pools and caches have settled by then.
  const warm = s.find((x) => x.completed >= RUNS * 0.1) ?? s[0]!;
  const end = s[s.length - 1]!;
  const at = (x: MemorySample) => ({ jobs: x.completed, heapMB: mb(x.heapUsed), rssMB: mb(x.rss) });
  // Least-squares slope of heap after GC over jobs done, warm to end: a leak shows as a steady climb.
  const tail = s.filter((x) => x.completed >= warm.completed);
  const mx = tail.reduce((a, x) => a + x.completed, 0) / tail.length;
  const my = tail.reduce((a, x) => a + x.heapUsed, 0) / tail.length;
  const slope = tail.reduce((a, x) => a + (x.completed - mx) * (x.heapUsed - my), 0) / Math.max(1, tail.reduce((a, x) => a + (x.completed - mx) ** 2, 0));
  const kbPerThousand = Math.round((slope * 1000) / 1024);
  const heap = series("worker heap after GC (all samples)", "MB", "lower", s.map((x) => mb(x.heapUsed)));
  const rss = series("worker RSS (all samples)", "MB", "lower", s.map((x) => mb(x.rss)));
  const heapGrowth = series("heap growth, warm (10% of runs) → end", "MB", "lower", [mb(end.heapUsed - warm.heapUsed)]);
  const rssGrowth = series("RSS growth, warm (10% of runs) → end", "MB", "lower", [mb(end.rss - warm.rss)]);
  const rate = series("throughput of the soak", "runs/s", "higher", [Math.round(RUNS / report.seconds)]);
  const tolerance = Math.max(10, mb(warm.heapUsed) * 0.1);
  return {
    name: "soak",
    description: `memory of one worker process over ${RUNS.toLocaleString("en-US")} probe runs (BullMQ, own sandbox fleet, PostgreSQL)`,
    series: [heap, rss, heapGrowth, rssGrowth, rate],
    comparisons: [compare(heapGrowth, undefined, { max: tolerance, on: "max", describe: `flat: heap after GC grows ≤ ${tolerance.toFixed(0)} MB (10%) from warm to end` })],
    notes: [
      `start ${JSON.stringify(at(s[0]!))}, warm ${JSON.stringify(at(warm))}, peak heap ${mb(Math.max(...s.map((x) => x.heapUsed)))} MB / peak RSS ${mb(Math.max(...s.map((x) => x.rss)))} MB, end ${JSON.stringify(at(end))}`,
      `heap trend warm → end: ${kbPerThousand} KB per 1,000 jobs (least squares over ${tail.length} samples)`,
      `${RUNS} runs in ${report.seconds.toFixed(0)} s; stored ${report.stored.rows} runs under ${report.stored.keys} distinct keys; each run asks for a re-grade, so grade.compute jobs are in the mix ("jobs" counts both)`,
      "one sample a second, each right after global.gc(); the worker hosts its own sandbox fleet (no simulated latency, 1 s request bound), as `kensa worker` does with KENSA_TARGETS=sandbox",
    ],
    facts: { start: at(s[0]!), warm: at(warm), end: at(end), peakHeapMB: mb(Math.max(...s.map((x) => x.heapUsed))), peakRssMB: mb(Math.max(...s.map((x) => x.rss))), seconds: report.seconds, heapKbPer1000Jobs: kbPerThousand },
  };
}
