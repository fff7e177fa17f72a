// BullMQ mode: workers on any number of machines take jobs from the one queue (@kensa/services enqueues
// into it). Retries with backoff are for our failures only (handlers return normally for a target's failure).
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { alignTick, queueName, type BullmqSettings } from "@kensa/services";
import { UnrecoverableJobError } from "./unrecoverable-job-error";

/** The scheduled instant a scheduler-made job stands for (BullMQ ids them `repeat:<scheduler>:<millis>`). */
export function scheduledTick(job: Pick<Job, "id" | "opts">): number | undefined {
  const fromOpts = (job.opts as { prevMillis?: number }).prevMillis;
  if (typeof fromOpts === "number") return fromOpts;
  const match = /^repeat:.+:(\d+)$/.exec(job.id ?? "");
  return match ? Number(match[1]) : undefined;
}

/** BullMQ starts an `every` schedule at "now": align its instants to the interval so slots are stable ids. */
function withScheduledTick(job: Job): unknown {
  const raw = scheduledTick(job);
  if (raw === undefined || job.data?.tick !== undefined) return job.data;
  const interval = Number(job.data?.intervalMs);
  return { ...job.data, tick: interval > 0 ? alignTick(raw, interval) : raw };
}

export interface WorkerSettings extends BullmqSettings {
  concurrency: number;
  /** Shorter than BullMQ's 30 s defaults so a killed worker's job is recovered quickly. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export function startBullmqWorker(
  settings: WorkerSettings,
  execute: (name: string, payload: unknown) => Promise<unknown>,
): Worker {
  const worker = new Worker(
    queueName,
    async (job) => {
      const payload = job.name === "probe.run" || job.name === "package.probe" ? withScheduledTick(job) : job.data;
      try {
        return await execute(job.name, payload);
      } catch (error) {
        if (error instanceof UnrecoverableJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs ?? 30_000,
      stalledInterval: settings.stalledIntervalMs ?? 30_000,
      maxStalledCount: 3,
    },
  );
  worker.on("error", settings.onError ?? (() => undefined));
  return worker;
}
