// A web request must get an answer even when the job queue cannot take the job: an enqueue that fails, or
// does not settle within the deadline, becomes JobQueueUnavailableError (the API answers 503) instead of
// holding the request open. Workers keep waiting out Redis restarts; only the web process gives up.
import type { JobQueue } from "@kensa/services";

export const enqueueDeadlineMs = 5_000;

export class JobQueueUnavailableError extends Error {
  override readonly name = "JobQueueUnavailableError";
  readonly code = "unavailable";
}

export interface DeadlineOptions {
  timeoutMs?: number;
  /** Called once when the deadline passes first: drop whatever could still add the job late. */
  onTimeout?: () => void;
}

export function withEnqueueDeadline(queue: JobQueue, options: DeadlineOptions = {}): JobQueue {
  const timeoutMs = options.timeoutMs ?? enqueueDeadlineMs;
  const add: JobQueue["add"] = (name, payload, addOptions) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        options.onTimeout?.();
        reject(new JobQueueUnavailableError(`the job queue did not accept the job within ${timeoutMs} ms`));
      }, timeoutMs);
      queue.add(name, payload, addOptions).then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(new JobQueueUnavailableError("the job queue refused the job", { cause: error }));
        },
      );
    });
  return { add };
}
