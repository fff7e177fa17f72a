// Prints each benchmark's table and the run's summary, and writes bench/results/latest.json (merged with
// earlier results of benchmarks not run this time, each stamped with when and under which load it ran).
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { median, quantile, type BenchResult, type Comparison } from "./measure";

export interface RunContext {
  startedAt: string;
  /** 1-, 5- and 15-minute load averages when the benchmark started and when it ended. */
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
}

export type StampedResult = BenchResult & { measuredAt: string; context: RunContext };

export const fmt = (n: number) => (!Number.isFinite(n) ? String(n) : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString("en-US") : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const loadText = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function describeComparison(c: Comparison): { result: string; target: string; verdict: string } {
  const result = c.ratio !== undefined ? `${c.ratio.toFixed(2)}× ${c.baseline}` : `${fmt(c.value)} ${c.unit}${c.target?.on && c.target.on !== "median" ? ` (${c.target.on})` : ""}`;
  return { result, target: c.target?.describe ?? "(reported, no target)", verdict: c.met === undefined ? "–" : c.met ? "met" : "MISSED" };
}

export function printResult(result: StampedResult): void {
  console.log(`\n## ${result.name} — ${result.description}`);
  const ratioOf = (label: string) => result.comparisons.find((c) => c.subject === label && c.ratio !== undefined);
  console.log(table(
    ["series", "unit", "n", "median", "p95", "min–max", "ratio to baseline"],
    result.series.map((s) => {
      const c = ratioOf(s.label);
      return [s.label, s.unit, String(s.samples.length), fmt(median(s.samples)), fmt(quantile(s.samples, 0.95)), `${fmt(Math.min(...s.samples))}–${fmt(Math.max(...s.samples))}`, c ? `${c.ratio!.toFixed(2)}× (${c.baseline})` : ""];
    }),
  ));
  if (result.comparisons.length) {
    console.log();
    console.log(table(["subject", "result", "target", "verdict"], result.comparisons.map((c) => {
      const d = describeComparison(c);
      return [c.subject, d.result, d.target, d.verdict];
    })));
  }
  for (const note of result.notes) console.log(`note: ${note}`);
  console.log(`load average before ${loadText(result.context.loadBefore)}, after ${loadText(result.context.loadAfter)}; took ${result.context.seconds.toFixed(1)} s`);
}

export function printSummary(results: StampedResult[]): void {
  const rows = results.flatMap((r) => r.comparisons.filter((c) => c.target).map((c) => {
    const d = describeComparison(c);
    return [r.name, c.subject, d.result, d.target, d.verdict];
  }));
  if (!rows.length) return;
  console.log("\n## summary — every target of this run");
  console.log(table(["benchmark", "subject", "result", "target", "verdict"], rows));
}

export function writeResults(dir: string, results: StampedResult[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { results: Record<string, unknown> }).results : {};
  const merged = { ...previous, ...Object.fromEntries(results.map((r) => [r.name, r])) };
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ machine, results: merged }, null, 2)}\n`);
  return file;
}
