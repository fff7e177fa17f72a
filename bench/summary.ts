// Prints bench/results/latest.json as the Markdown tables quoted in bench/README.md: every target with its
// result, and when and under which load each benchmark ran (node --import tsx bench/summary.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median, quantile } from "./support/measure";
import { describeComparison, fmt, type StampedResult } from "./support/report";

const file = fileURLToPath(new URL("./results/latest.json", import.meta.url));
const { machine, results } = JSON.parse(readFileSync(file, "utf8")) as { machine: Record<string, unknown>; results: Record<string, StampedResult> };
const order = ["sweep", "scan", "ingest", "dashboard", "scoring", "scale-out", "soak"];
const list = order.filter((n) => results[n]).map((n) => results[n]!);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

console.log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.\n`);
console.log(row(["benchmark", "subject", "result", "target", "verdict"]));
console.log(row(["---", "---", "---", "---", "---"]));
for (const r of list) {
  for (const c of r.comparisons) {
    const d = describeComparison(c);
    console.log(row([r.name, c.subject, d.result, d.target, d.verdict === "MISSED" ? "**missed**" : d.verdict]));
  }
}
console.log(`\n${row(["benchmark", "series", "unit", "n", "median", "p95", "min–max"])}`);
console.log(row(["---", "---", "---", "---", "---", "---", "---"]));
for (const r of list) {
  for (const s of r.series) {
    console.log(row([r.name, s.label, s.unit, s.samples.length, fmt(median(s.samples)), fmt(quantile(s.samples, 0.95)), `${fmt(Math.min(...s.samples))}–${fmt(Math.max(...s.samples))}`]));
  }
}
console.log(`\n${row(["benchmark", "measured at (UTC)", "took", "load average before (1/5/15 min)", "after"])}`);
console.log(row(["---", "---", "---", "---", "---"]));
for (const r of list) {
  console.log(row([r.name, r.measuredAt.slice(0, 16).replace("T", " "), `${r.context.seconds.toFixed(0)} s`, r.context.loadBefore.map((x) => x.toFixed(2)).join(" / "), r.context.loadAfter.map((x) => x.toFixed(2)).join(" / ")]));
}
