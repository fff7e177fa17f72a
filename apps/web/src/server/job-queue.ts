// Where accepted re-probes go. A hosting server (kensa start) hands in its own queue (in-process runner or
// BullMQ); `next start` beside workers uses BullMQ from REDIS_URL. Kept on globalThis, like the database.
import type { JobQueue } from "@kensa/worker/reprobe";

const slot = Symbol.for("kensa.web.jobQueue");

interface Slot {
  queue?: JobQueue;
}

function state(): Slot {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[slot] ??= {});
}

export function provideJobQueue(queue: JobQueue): void {
  state().queue = queue;
}

/** The queue, or null when this process has none (no host and no REDIS_URL): re-probes are then unavailable. */
export async function getJobQueue(): Promise<JobQueue | null> {
  const s = state();
  if (s.queue) return s.queue;
  const url = process.env.REDIS_URL;
  if (!url) return null;
  const { BullmqJobQueue } = await import("@kensa/worker/reprobe");
  s.queue = new BullmqJobQueue({ connection: { url, maxRetriesPerRequest: null }, prefix: process.env.KENSA_QUEUE_PREFIX ?? "kensa" });
  return s.queue;
}
