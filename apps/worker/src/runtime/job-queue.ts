// What handlers and the API see of "the queue": add a job. BullMQ and the in-process runner both implement it.
import type { JobName, JobPayload } from "../jobs/definitions";

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

/** A job that must not be retried: its payload is invalid or it names something that does not exist. */
export class UnrecoverableJobError extends Error {
  override readonly name = "UnrecoverableJobError";
}
