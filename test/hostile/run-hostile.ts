// `npm run hostile [-- <case-id>…] [--steps]`: the hostile-target table, through the worker's probe.run path
// into an in-memory PGlite, printed as case, outcome, class, time and peak memory. Exit 1 if any case failed.
import { latestRunWithSteps, openDatabase } from "@kensa/db";
import { hostileCases } from "./cases";
import { collect, openHostileHarness } from "./harness";
import type { CaseReport } from "./judge";

const args = process.argv.slice(2);
const showSteps = args.includes("--steps");
const wanted = args.filter((a) => !a.startsWith("--"));
const cases = wanted.length ? hostileCases.filter((c) => wanted.includes(c.id)) : hostileCases;
if (cases.length === 0) {
  console.error(`no such case: ${wanted.join(", ")} (cases: ${hostileCases.map((c) => c.id).join(", ")})`);
  process.exit(2);
}

const db = await openDatabase({ kind: "pglite", dataDir: "memory://" }, { migrations: "apply" });
const harness = await openHostileHarness(hostileCases, db);
await harness.runCase(hostileCases.find((c) => c.id === "malformed-json")!); // warm-up, not reported
collect();
const baseline = process.memoryUsage();
const reports: CaseReport[] = [];
for (const c of cases) {
  const report = await harness.runCase(c);
  reports.push(report);
  process.stderr.write(`${report.problems.length ? "FAIL" : "ok  "} ${c.id}\n`);
  if (showSteps || report.problems.length) {
    const run = await latestRunWithSteps(db, { serviceIds: [`hostile-${c.id}`] });
    for (const s of run?.steps ?? []) process.stderr.write(`     ${s.name} ${Math.round(s.latencyMs)} ms ${s.ok ? "ok" : s.errorClass} ${JSON.stringify((s.evidence as { outcome?: unknown }).outcome).slice(0, 160)}\n`);
    for (const p of report.problems) process.stderr.write(`     problem: ${p}\n`);
  }
}
collect();
const end = process.memoryUsage();
await harness.close();
await db.close();

const mb = (n: number) => (n / 2 ** 20).toFixed(1);
const rows = reports.map((r) => [r.id, r.step, r.outcome, r.errorClass, `${Math.round(r.ms)}`, `${r.boundMs}`, r.peakHeapMb.toFixed(1), r.peakRssMb.toFixed(1), r.problems.length ? "FAIL" : "ok"]);
const head = ["case", "step", "outcome", "class", "ms", "bound", "peak heap MB", "peak RSS MB", "result"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i >= 4 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(`\nheap after warm-up ${mb(baseline.heapUsed)} MB, after the table ${mb(end.heapUsed)} MB (after GC); RSS ${mb(baseline.rss)} → ${mb(end.rss)} MB`);
const failed = reports.filter((r) => r.problems.length);
console.log(`${reports.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
