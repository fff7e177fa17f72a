// Assembles one Kensa process: database, catalogue, clock, targets (sandbox fleet or live), the job queue
// (BullMQ when REDIS_URL is set, the in-process runner otherwise) and the handler context. kensa start,
// kensa worker and kensa scheduler differ only in which of these they start and what they run on top.
import { loadCatalogue, type Catalogue } from "@kensa/catalogue";
import { databaseConfigFrom, openDatabase, type Database } from "@kensa/db";
import type { ProbeLimits } from "@kensa/probe";
import { ControllableClock, startSandbox, type Sandbox } from "@kensa/sandbox";
import type { Worker } from "bullmq";
import { BullmqJobQueue, type BullmqSettings, databaseCatalogueLookup, type JobQueue } from "@kensa/services";
import { installerEnv, probeCredentialEnv, type WorkerEnv } from "../config";
import { handlers } from "../handlers";
import { createTelemetry, type Telemetry } from "../telemetry/telemetry";
import { startBullmqWorker } from "./bullmq-runner";
import { InProcessRunner, type JobFailure } from "./in-process-runner";
import type { JobContext } from "./job-context";
import { runJob } from "./run-job";
import { workerSecretSource } from "./secret-source";
import { createPackageProber } from "./package-prober";
import { createServiceProber, liveTargets, sandboxTargets, type TargetResolver } from "./service-prober";

export type Log = (event: string, fields?: Record<string, unknown>) => void;

export interface KensaRuntime {
  env: WorkerEnv;
  db: Database;
  catalogue: Catalogue;
  clock: ControllableClock;
  sandbox?: Sandbox;
  targets: TargetResolver;
  queue: JobQueue;
  /** Set in embedded mode (no REDIS_URL). */
  runner?: InProcessRunner;
  bullmq?: { settings: BullmqSettings; queue: BullmqJobQueue };
  context: JobContext;
  execute(name: string, payload: unknown): Promise<unknown>;
  /** Starts BullMQ workers in this process (REDIS_URL mode). */
  startWorker(options?: { concurrency?: number; lockDurationMs?: number; stalledIntervalMs?: number }): Worker;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  env: WorkerEnv;
  log: Log;
  /** PostgreSQL: apply pending migrations (kensa start) or refuse to run on an old schema (workers). */
  migrations?: "apply" | "verify";
  /** Start the sandbox fleet in this process when targets are the sandbox (default true). */
  sandbox?: boolean;
  onJobFailure?: (failure: JobFailure) => void;
  /** Use this catalogue instead of loading probes/ (tests run a subset). */
  catalogue?: Catalogue;
  /** Use this open database instead of opening one from the environment; the caller closes it. */
  database?: Database;
  /** Scales the sandbox's simulated latency (default: KENSA_SANDBOX_LATENCY_SCALE; tests that only care about outcomes use 0). */
  sandboxLatencyScale?: number;
  /** How long the sandbox's simulated hangs last (default: KENSA_SANDBOX_HANG_MS). */
  sandboxHangMs?: number;
  /** Probe these targets instead of the sandbox or live endpoints (the hostile-target suite). */
  targets?: TargetResolver;
  /** Bounds for every probe this process runs (default: the probe engine's safe defaults). */
  probeLimits?: Partial<ProbeLimits>;
}

export async function openRuntime(options: OpenRuntimeOptions): Promise<KensaRuntime> {
  const { env, log } = options;
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch((error: unknown) => log("close.error", { error: String(error) }));
  };
  try {
    const config = databaseConfigFrom(env);
    const db = options.database ?? (await openDatabase(config, { migrations: config.kind === "pglite" ? "apply" : (options.migrations ?? "verify") }));
    if (!options.database) closers.push(() => db.close());
    const catalogue = options.catalogue ?? (await loadCatalogue());
    const clock = new ControllableClock();
    let sandbox: Sandbox | undefined;
    let targets: TargetResolver;
    if (options.targets) {
      targets = options.targets;
    } else if (env.KENSA_TARGETS === "sandbox" && options.sandbox === false) {
      targets = sandboxTargets(undefined);
    } else if (env.KENSA_TARGETS === "sandbox") {
      // Each process hosts its own deterministic fleet: the sandbox stands in for the internet.
      sandbox = await startSandbox({
        catalogue: catalogue.entries,
        clock,
        seed: env.KENSA_SANDBOX_SEED,
        latencyScale: options.sandboxLatencyScale ?? env.KENSA_SANDBOX_LATENCY_SCALE,
        hangMs: options.sandboxHangMs ?? env.KENSA_SANDBOX_HANG_MS,
        onError: (e) => log("sandbox.error", { error: String(e) }),
      });
      closers.push(() => sandbox!.close());
      targets = sandboxTargets(sandbox);
    } else {
      targets = liveTargets(await workerSecretSource(env, probeCredentialEnv()));
    }
    const allowHosts = [...env.KENSA_ALLOW_HOSTS, ...(sandbox ? [new URL(sandbox.baseUrl).hostname] : [])];
    const telemetry: Telemetry = createTelemetry({ serviceName: "kensa-worker", ...(env.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
    closers.push(() => telemetry.shutdown());

    let context!: JobContext;
    const execute = (name: string, payload: unknown) => runJob(handlers, name, payload, context);
    let queue: JobQueue;
    let runner: InProcessRunner | undefined;
    let bullmq: KensaRuntime["bullmq"];
    if (env.REDIS_URL) {
      let lastReported = 0;
      const settings: BullmqSettings = {
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: env.KENSA_QUEUE_PREFIX,
        // While Redis is away every connection reports each retry: say it at most every 5 s.
        onError: (error) => {
          if (Date.now() - lastReported < 5_000) return;
          lastReported = Date.now();
          log("redis.error", { error: error.message });
        },
      };
      const bullQueue = new BullmqJobQueue(settings);
      closers.push(() => bullQueue.close());
      bullmq = { settings, queue: bullQueue };
      queue = bullQueue;
    } else {
      runner = new InProcessRunner(execute, {
        concurrency: env.WORKER_CONCURRENCY,
        onFailure: options.onJobFailure ?? ((f) => log(f.final ? "job.failed" : "job.retry", { job: f.name, error: String(f.error) })),
      });
      closers.push(() => runner!.close());
      queue = runner;
    }
    context = {
      db,
      queue,
      clock,
      workerId: env.KENSA_WORKER_ID,
      probeService: createServiceProber({
        entries: databaseCatalogueLookup(db),
        targets,
        clock,
        addressPolicy: { allowPrivate: false, allowHosts },
        limits: { requestTimeoutMs: env.KENSA_PROBE_TIMEOUT_MS ?? (sandbox ? 4_000 : 15_000), ...options.probeLimits },
      }),
      ...(env.KENSA_PACKAGES === "on"
        ? { probePackage: createPackageProber({ entries: databaseCatalogueLookup(db), root: packageRoot(env), npmEnv: installerEnv(), clock, ...(options.probeLimits ? { limits: options.probeLimits } : {}) }) }
        : {}),
      tracer: telemetry.tracer,
      log,
    };
    const workers: Worker[] = [];
    // Workers close first (they finish or release in-flight jobs), then the queue, fleet and database.
    closers.push(async () => {
      await Promise.all(workers.map((w) => w.close()));
    });
    return {
      env, db, catalogue, clock, targets, queue, context, execute, close,
      ...(sandbox ? { sandbox } : {}),
      ...(runner ? { runner } : {}),
      ...(bullmq ? { bullmq } : {}),
      startWorker(workerOptions = {}) {
        if (!bullmq) throw new Error("startWorker needs REDIS_URL (BullMQ mode)");
        const worker = startBullmqWorker({ ...bullmq.settings, concurrency: workerOptions.concurrency ?? env.WORKER_CONCURRENCY, ...workerOptions }, execute);
        worker.on("failed", (job, error) => log("job.failed", { job: job?.name, id: job?.id, attempts: job?.attemptsMade, error: error.message }));
        workers.push(worker);
        return worker;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Where vendor packages are installed: the data folder, never the project's node_modules. */
export function packageRoot(env: Pick<WorkerEnv, "KENSA_DATA_DIR">): string {
  return `${env.KENSA_DATA_DIR.replace(/\/$/, "")}/packages`;
}
