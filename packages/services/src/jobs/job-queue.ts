// The job-enqueue port: what services, handlers and the API see of "the queue" — add a job. BullMQ
// (bullmq-job-queue.ts), the worker's in-process runner and the web's bounded Redis queue implement it.
import type { JobName, JobPayload } from "./definitions";

export interface AddOptions {
  /** A job with this id is added once; later adds with the same id are dropped. */
  jobId?: string;
  /** While a job with this id waits, further adds are dropped; while it runs, the latest add runs after it (re-grades). */
  dedupeId?: string;
  delayMs?: number;
}

export interface JobQueue {
  add<N extends JobName>(name: N, payload: JobPayload<N>, options?: AddOptions): Promise<void>;
}
