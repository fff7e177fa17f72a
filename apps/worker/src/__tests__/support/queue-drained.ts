// The deterministic end of a sweep: no job is waiting, delayed or running, so no late duplicate can still
// land (a completed or failed job never runs again). Tests wait for this instead of sleeping.
import type { Queue } from "bullmq";

export async function queueDrained(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts("active", "waiting", "delayed", "prioritized", "waiting-children");
  return Object.values(counts).every((n) => n === 0);
}
