// `npm run soak [-- --runs N] [--every N]`: 10,000 probe runs against the sandbox in one worker process,
// stored in a fresh PostgreSQL database (DATABASE_URL's server, or 127.0.0.1:5432; dropped afterwards) so
// the process's memory is the worker's alone. Prints memory and handles at each checkpoint. Exit 1 if flat
// it was not: heap growth over 32 MB after warm-up, a handle type that grew, or runs lost.
import pg from "pg";
import { migratePostgres, openDatabase } from "@kensa/db";
import { runSoak, soakDrift, type SoakSample } from "./soak";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("runs", 10_000);
const every = arg("every", 1_000);

const server = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const name = `kensa_soak_${process.pid}`;
const adminUrl = Object.assign(new URL(server), { pathname: "/postgres" }).toString();
const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

await admin(`CREATE DATABASE ${name}`);
let failed = false;
try {
  await migratePostgres(url);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 8 }, { migrations: "verify" });
  const head = ["runs", "s", "heap MB", "RSS MB", "external MB", "peak heap", "peak RSS", "handles"];
  console.log(head.join("\t"));
  const row = (s: SoakSample) => [s.runs, s.seconds, s.heapMb, s.rssMb, s.externalMb, s.peakHeapMb, s.peakRssMb, Object.entries(s.handles).map(([t, n]) => `${t}:${n}`).join(" ")].join("\t");
  const report = await runSoak({ runs, checkpointEvery: every, database, onSample: (s) => console.log(row(s)) }).finally(() => database.close());
  const drift = soakDrift(report.samples);
  const last = report.samples.at(-1)!;
  const peakHeap = Math.max(...report.samples.map((s) => s.peakHeapMb));
  const peakRss = Math.max(...report.samples.map((s) => s.peakRssMb));
  console.log(`\n${report.stored} runs stored in ${last.seconds} s (${Math.round(report.stored / last.seconds)} runs/s); job failures: ${report.failures.length}`);
  console.log(`heap after GC: start ${report.samples[0]!.heapMb} MB, after warm-up ${report.samples[1]!.heapMb} MB, end ${last.heapMb} MB (growth ${drift.heapGrowthMb} MB); peak ${peakHeap} MB`);
  console.log(`RSS: start ${report.samples[0]!.rssMb} MB, after warm-up ${report.samples[1]!.rssMb} MB, end ${last.rssMb} MB; peak ${peakRss} MB`);
  console.log(`handles that grew after warm-up: ${drift.grownHandles.join(", ") || "none"}`);
  for (const f of report.failures.slice(0, 5)) console.log(`failure: ${f}`);
  failed = report.stored !== runs || report.failures.length > 0 || drift.heapGrowthMb > 32 || drift.grownHandles.length > 0;
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
console.log(failed ? "soak: NOT flat" : "soak: flat");
process.exit(failed ? 1 : 0);
