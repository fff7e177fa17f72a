// Where accepted re-probes go. A hosting server (kensa start) hands in its own queue (in-process runner or
// BullMQ); `next start` beside workers uses BullMQ from REDIS_URL. Kept on globalThis, like the database.
// Either way an enqueue is bounded (enqueue-deadline.ts): a request never hangs on the queue.
import type { JobQueue } from "@kensa/services";
import { webEnv } from "../config/web-env";
import { withEnqueueDeadline } from "./enqueue-deadline";
import { WebRedisJobQueue } from "./redis-job-queue";

const slot = Symbol.for("kensa.web.jobQueue");

interface Slot {
  queue?: JobQueue;
}

function state(): Slot {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[slot] ??= {});
}

/** The host keeps its queue (and its connection): the web only stops waiting for it. */
export function provideJobQueue(queue: JobQueue): void {
  state().queue = withEnqueueDeadline(queue);
}

/** The queue, or null when this process has none (no host and no REDIS_URL): re-probes are then unavailable. */
export async function getJobQueue(): Promise<JobQueue | null> {
  const s = state();
  if (s.queue) return s.queue;
  const { REDIS_URL: url, KENSA_QUEUE_PREFIX: prefix } = webEnv();
  if (!url) return null;
  s.queue = new WebRedisJobQueue({
    url,
    prefix,
    onError: (error) => console.error("kensa web: job queue connection:", error.message),
  });
  return s.queue;
}
