// BullMQ mode: one queue for every job, workers on any number of machines, schedules per service.
// Retries with backoff are for our failures only (handlers return normally for a target's failure).
import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from "bullmq";
import { jobDefinitions, type JobName, type JobPayload } from "../jobs/definitions";
import { alignTick } from "../jobs/keys";
import { UnrecoverableJobError, type AddOptions, type JobQueue } from "./job-queue";

export const queueName = "kensa";

export interface BullmqSettings {
  connection: ConnectionOptions;
  /** Redis key prefix: separates deployments and test runs sharing one Redis. */
  prefix: string;
  /** Connection trouble (Redis restarting, unreachable): reported here while ioredis reconnects. */
  onError?: (error: Error) => void;
}

export function jobOptions(name: JobName) {
  const def = jobDefinitions[name];
  return {
    attempts: def.attempts,
    backoff: { type: def.backoff.type, delay: def.backoff.delayMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export class BullmqJobQueue implements JobQueue {
  readonly queue: Queue;
  constructor(settings: BullmqSettings) {
    this.queue = new Queue(queueName, { connection: settings.connection, prefix: settings.prefix });
    this.queue.on("error", settings.onError ?? (() => undefined));
  }

  async add<N extends JobName>(name: N, payload: JobPayload<N>, options: AddOptions = {}): Promise<void> {
    await this.queue.add(name, payload, {
      ...jobOptions(name),
      ...(options.jobId ? { jobId: options.jobId } : {}),
      // keepLastIfActive: an add while the job runs (on older evidence) is kept and runs after it.
      ...(options.dedupeId ? { deduplication: { id: options.dedupeId, keepLastIfActive: true } } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

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
      const payload = job.name === "probe.run" ? withScheduledTick(job) : job.data;
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
