// The job-enqueue port over BullMQ: one queue for every job, each added with its catalogue entry's retry
// policy. Workers (apps/worker, bullmq-runner.ts) consume the same queue; the web enqueues re-probes here.
import { Queue, type ConnectionOptions } from "bullmq";
import { jobDefinitions, type JobName, type JobPayload } from "./definitions";
import type { AddOptions, JobQueue } from "./job-queue";

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
