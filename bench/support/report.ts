// Prints the table and writes bench/results/latest.json (merged with earlier results of other benchmarks).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { median, quantile, type BenchResult } from "./measure";

const fmt = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString("en-US") : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printResult(result: BenchResult): void {
  console.log(`\n## ${result.name} — ${result.description}`);
  console.log(["series", "unit", "n", "median", "p95", "min–max"].join(" | "));
  for (const s of result.series) {
    console.log([s.label, s.unit, s.samples.length, fmt(median(s.samples)), fmt(quantile(s.samples, 0.95)), `${fmt(Math.min(...s.samples))}–${fmt(Math.max(...s.samples))}`].join(" | "));
  }
  for (const c of result.comparisons) {
    const verdict = c.met === undefined ? "" : c.met ? "  ✔ target met" : "  ✘ target MISSED";
    console.log(`ratio ${c.subject} / ${c.baseline}: ${c.ratio}${c.target ? ` (target: ${c.target.describe})` : ""}${verdict}`);
  }
  for (const note of result.notes) console.log(`note: ${note}`);
}

export function writeResults(dir: string, results: BenchResult[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { results: Record<string, unknown> }).results : {};
  const merged = { ...previous, ...Object.fromEntries(results.map((r) => [r.name, { ...r, measuredAt: new Date().toISOString() }])) };
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ machine, results: merged }, null, 2)}\n`);
  return file;
}
