// The soak benchmark's worker process: issue 8's soak runner (test/soak/soak.ts — one worker runtime, the
// real catalogue and sandbox fleet, heap/RSS/handles after a full GC at each checkpoint) over a fresh
// PostgreSQL database, in a process of its own so the memory measured is the worker's alone.
// Speaks JSON lines: `SAMPLE {…}` per checkpoint, then `DONE {…}`.
import { runSoak, soakDrift } from "../../test/soak/soak";
import { countRunsByKey, countSteps } from "@kensa/db";
import { openBenchPostgres } from "./databases";

const runs = Number(process.env.SOAK_RUNS ?? 10_000);
const every = Number(process.env.SOAK_EVERY ?? 500);
const say = (tag: string, value: unknown) => process.stdout.write(`${tag} ${JSON.stringify(value)}\n`);

const pg = await openBenchPostgres("soak", 8);
try {
  const report = await runSoak({ runs, checkpointEvery: every, database: pg.db, onSample: (s) => say("SAMPLE", s) });
  const steps = await countSteps(pg.db);
  const keys = await countRunsByKey(pg.db);
  say("DONE", { stored: report.stored, keys: keys.size, steps, failures: report.failures.slice(0, 5), failureCount: report.failures.length, drift: soakDrift(report.samples) });
} finally {
  await pg.drop();
}
process.exit(0);
