import { afterAll, describe, expect, it } from "vitest";
import { hasRedis, inCi, redisUnavailable, redisUrl, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { BullmqJobQueue } from "@kensa/services";
import { startBullmqWorker } from "../runtime/bullmq-runner";
import { queueDrained } from "./support/queue-drained";

if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const connection = { url: redisUrl, maxRetriesPerRequest: null };

describe.skipIf(!hasRedis)("BullMQ re-grade dedupe", () => {
  const prefix = testRedisPrefix("dedupe").replace(/:/g, "-");
  const queue = new BullmqJobQueue({ connection, prefix });
  afterAll(async () => {
    await queue.queue.obliterate({ force: true });
    await queue.close();
  });

  it("a re-grade asked for while one runs is not lost: the latest runs after it; adds while one waits are dropped", async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const worker = startBullmqWorker({ connection, prefix, concurrency: 1 }, async (_name, payload) => {
      const id = (payload as { serviceId: string }).serviceId;
      seen.push(id);
      if (id === "first") {
        started();
        await gate;
      }
    });
    try {
      const grade = (serviceId: string) => queue.add("grade.compute", { serviceId, reason: "new-evidence" }, { dedupeId: "grade.compute|x" });
      await grade("first");
      await running;
      await grade("superseded");
      await grade("latest");
      release();
      // Drained: nothing left that could still run "superseded".
      await waitUntil(async () => seen.length >= 2 && (await queueDrained(queue.queue)), 10_000, "the kept re-grade, then an empty queue");
      expect(seen).toEqual(["first", "latest"]);
    } finally {
      await worker.close();
    }
  });
});
