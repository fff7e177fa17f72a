// kensa worker — one BullMQ worker process; start as many as you like on any machines sharing Redis and
// PostgreSQL. SIGTERM finishes (or, past the lock, releases) in-flight jobs before exiting.
import { parseArgs } from "node:util";
import { KensaError } from "@kensa/core";
import { openRuntime, parseWorkerEnv } from "@kensa/worker";
import type { Command } from "../command";
import { lineLogger } from "../support/log";
import { untilStopSignal } from "../support/signals";

export const workerCommand: Command = {
  name: "worker",
  summary: "process probe and grade jobs from Redis (BullMQ); needs REDIS_URL and DATABASE_URL",
  usage: "kensa worker [--concurrency N]   (REDIS_URL, DATABASE_URL, KENSA_TARGETS, WORKER_CONCURRENCY)",
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { concurrency: { type: "string" } } });
    const env = parseWorkerEnv(undefined, { WORKER_CONCURRENCY: values.concurrency });
    if (!env.REDIS_URL) throw new KensaError("bad_config", "REDIS_URL is not set: kensa worker takes jobs from Redis (kensa start runs everything in one process without it)");
    if (!env.DATABASE_URL) throw new KensaError("bad_config", "DATABASE_URL is not set: workers on several processes share PostgreSQL (the embedded PGlite has one owner process)");
    const log = lineLogger();
    const runtime = await openRuntime({ env, log, migrations: "verify" });
    try {
      const worker = runtime.startWorker();
      await worker.waitUntilReady();
      console.log(`kensa worker ${env.KENSA_WORKER_ID}: concurrency ${env.WORKER_CONCURRENCY}, targets ${env.KENSA_TARGETS}${runtime.sandbox ? ` (own sandbox fleet on ${runtime.sandbox.baseUrl})` : ""}; Ctrl-C stops`);
      await untilStopSignal();
      console.log("stopping: finishing in-flight jobs…");
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
