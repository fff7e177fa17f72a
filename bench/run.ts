// npm run bench [-- name…]: runs the benchmarks in order, prints each table and a summary of every target,
// writes bench/results/latest.json. Benchmarks are not tests: nothing in `npm test` runs them.
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./support/measure";
import { printResult, printSummary, writeResults, type StampedResult } from "./support/report";
import { closeSharedHistory } from "./support/history";
import { sweepBenchmark } from "./benchmarks/sweep";
import { scanBenchmark } from "./benchmarks/scan";
import { ingestBenchmark } from "./benchmarks/ingest";
import { dashboardBenchmark } from "./benchmarks/dashboard";
import { scoringBenchmark } from "./benchmarks/scoring";
import { scaleOutBenchmark } from "./benchmarks/scale-out";
import { soakBenchmark } from "./benchmarks/soak";

const benchmarks: Record<string, () => Promise<BenchResult>> = {
  sweep: sweepBenchmark,
  scan: scanBenchmark,
  ingest: ingestBenchmark,
  dashboard: dashboardBenchmark,
  scoring: scoringBenchmark,
  "scale-out": scaleOutBenchmark,
  soak: soakBenchmark,
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = wanted.filter((name) => !(name in benchmarks));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${Object.keys(benchmarks).join(", ")}`);
    return 2;
  }
  const results: StampedResult[] = [];
  const suiteStart = Date.now();
  try {
    for (const name of wanted.length ? wanted : Object.keys(benchmarks)) {
      const started = Date.now();
      const loadBefore = loadavg();
      console.log(`\n▶ ${name}…`);
      const result = await benchmarks[name]!();
      const stamped: StampedResult = {
        ...result,
        measuredAt: new Date().toISOString(),
        context: { startedAt: new Date(started).toISOString(), loadBefore, loadAfter: loadavg(), seconds: (Date.now() - started) / 1000 },
      };
      printResult(stamped);
      results.push(stamped);
    }
  } finally {
    await closeSharedHistory();
  }
  printSummary(results);
  const file = writeResults(join(fileURLToPath(new URL(".", import.meta.url)), "results"), results);
  console.log(`\nsuite took ${((Date.now() - suiteStart) / 1000).toFixed(0)} s; wrote ${file}`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
