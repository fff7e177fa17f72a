// `kensa worker` with a memory probe: the same runtime and BullMQ worker (openRuntime + startWorker, its own
// sandbox fleet when KENSA_TARGETS=sandbox), plus one line a second on stdout —
// `MEM {"completed":…,"rss":…,"heapUsed":…}` — taken right after a full GC when run with --expose-gc.
import { openRuntime, parseWorkerEnv } from "@kensa/worker";

const env = parseWorkerEnv();
if (!env.REDIS_URL || !env.DATABASE_URL) throw new Error("soak worker: REDIS_URL and DATABASE_URL must be set");
const runtime = await openRuntime({ env, log: () => {}, migrations: "verify" });
const worker = runtime.startWorker();
let completed = 0;
worker.on("completed", () => {
  completed += 1;
});
await worker.waitUntilReady();

const gc = (globalThis as { gc?: () => void }).gc;
function sample(): void {
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`MEM ${JSON.stringify({ completed, rss: m.rss, heapUsed: m.heapUsed, external: m.external, gc: gc !== undefined, at: Date.now() })}\n`);
}
sample();
process.stdout.write("READY\n");
const timer = setInterval(sample, Number(process.env.SOAK_SAMPLE_MS ?? 1_000));

process.on("SIGTERM", () => {
  clearInterval(timer);
  sample();
  void runtime.close().then(() => process.exit(0));
});
