// A real BullMQ worker process for the multi-process tests: the runtime over PostgreSQL + Redis + its own
// sandbox fleet, with an optional slow target (to be killed mid-job). Speaks one line per event on stdout.
import { openDatabase } from "@kensa/db";
import { parseWorkerEnv } from "../../config";
import { openRuntime } from "../../runtime/open-runtime";
import { syncCatalogue } from "../../runtime/sync-catalogue";
import { subsetCatalogue } from "./runtime";

const env = parseWorkerEnv();
const services = (process.env.TEST_SERVICES ?? "").split(",").filter(Boolean);
const slowService = process.env.TEST_SLOW_SERVICE;
const slowMs = Number(process.env.TEST_SLOW_MS ?? 0);
/** Every probe takes at least this long: keeps a sweep in flight long enough to kill or stop a worker mid-way. */
const everyProbeMs = Number(process.env.TEST_PROBE_DELAY_MS ?? 0);
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await openDatabase({ kind: "postgres", url: env.DATABASE_URL!, poolSize: process.env.DATABASE_POOL_SIZE ? env.DATABASE_POOL_SIZE : 4 });
const catalogue = await subsetCatalogue(services);
const runtime = await openRuntime({ env, log: () => {}, database: db, catalogue, sandboxLatencyScale: 0 });
await syncCatalogue(db, catalogue, "test");
const probe = runtime.context.probeService;
runtime.context.probeService = async (serviceId, path, options) => {
  say(`ACTIVE ${serviceId} ${path}`);
  if (serviceId === slowService) await new Promise((r) => setTimeout(r, slowMs));
  if (everyProbeMs) await new Promise((r) => setTimeout(r, everyProbeMs));
  return probe(serviceId, path, options);
};
const worker = runtime.startWorker({
  concurrency: Number(process.env.TEST_CONCURRENCY ?? 2),
  lockDurationMs: Number(process.env.TEST_LOCK_MS ?? 30_000),
  stalledIntervalMs: Number(process.env.TEST_STALLED_MS ?? 30_000),
});
worker.on("active", (job) => {
  if (job.name === "probe.run") say(`TAKEN ${job.data.serviceId} ${job.data.path}`);
});
worker.on("completed", (job) => {
  say(`COMPLETED ${job.name} ${job.data.serviceId}`);
  if (job.name === "probe.run") say(`DONE ${job.data.serviceId} ${job.data.path}`);
});
await worker.waitUntilReady();
say("READY");

process.on("SIGTERM", () => {
  say("STOPPING");
  void runtime.close().then(async () => {
    await db.close();
    say("STOPPED");
    process.exit(0);
  });
});
