// npm run bench [-- name…]: runs the benchmarks, prints each table, writes bench/results/latest.json.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./support/measure";
import { printResult, writeResults } from "./support/report";
import { ingestBenchmark } from "./benchmarks/ingest";

const benchmarks: Record<string, () => Promise<BenchResult>> = {
  ingest: ingestBenchmark,
};

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = wanted.filter((name) => !(name in benchmarks));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${Object.keys(benchmarks).join(", ")}`);
    return 2;
  }
  const results: BenchResult[] = [];
  for (const name of wanted.length ? wanted : Object.keys(benchmarks)) {
    const started = Date.now();
    console.log(`\n▶ ${name}…`);
    const result = await benchmarks[name]!();
    result.notes.push(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    printResult(result);
    results.push(result);
  }
  const file = writeResults(join(fileURLToPath(new URL(".", import.meta.url)), "results"), results);
  console.log(`\nwrote ${file}`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
