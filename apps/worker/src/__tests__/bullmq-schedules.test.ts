import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue, QueueEvents } from "bullmq";
import { hasRedis, inCi, redisUrl, redisUnavailable, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { queueName } from "@kensa/services";
import { startBullmqWorker } from "../runtime/bullmq-runner";
import { syncSchedules } from "../runtime/bullmq-schedules";

const skip = !hasRedis && !inCi;
if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const connection = { url: redisUrl, maxRetriesPerRequest: null };

describe.skipIf(skip)("BullMQ schedules", () => {
  const prefix = testRedisPrefix("schedules");
  let queue: Queue;
  beforeAll(() => {
    queue = new Queue(queueName, { connection, prefix });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it("keeps one scheduler per service and path in sync with the catalogue", async () => {
    const first = await syncSchedules(queue, [
      { serviceId: "freee", path: "direct", intervalMs: 300_000 },
      { serviceId: "slack", path: "direct", intervalMs: 300_000 },
      { serviceId: "slack", path: "gateway", intervalMs: 300_000 },
    ]);
    expect(first.added.sort()).toEqual(["probe|freee|direct", "probe|slack|direct", "probe|slack|gateway"]);
    expect((await syncSchedules(queue, [
      { serviceId: "freee", path: "direct", intervalMs: 300_000 },
      { serviceId: "slack", path: "direct", intervalMs: 300_000 },
      { serviceId: "slack", path: "gateway", intervalMs: 300_000 },
    ])).unchanged).toBe(3);

    const second = await syncSchedules(queue, [
      { serviceId: "freee", path: "direct", intervalMs: 600_000 },
      { serviceId: "smarthr", path: "direct", intervalMs: 300_000 },
    ]);
    expect(second).toEqual({ added: ["probe|smarthr|direct"], changed: ["probe|freee|direct"], removed: expect.arrayContaining(["probe|slack|direct", "probe|slack|gateway"]), unchanged: 0 });
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, Number(s.every)]).sort()).toEqual([["probe|freee|direct", 600_000], ["probe|smarthr|direct", 300_000]]);
  });

  it("delivers scheduled probe.run jobs at the interval, each carrying its aligned tick", async () => {
    const local = new Queue(queueName, { connection, prefix: `${prefix}:ticks` });
    const events = new QueueEvents(queueName, { connection, prefix: `${prefix}:ticks` });
    const ticks: number[] = [];
    const deliveredAt: number[] = [];
    const worker = startBullmqWorker({ connection, prefix: `${prefix}:ticks`, concurrency: 2 }, async (name, payload) => {
      expect(name).toBe("probe.run");
      expect(payload).toMatchObject({ serviceId: "fast", path: "direct", trigger: "schedule", intervalMs: 400 });
      deliveredAt.push(Date.now());
      ticks.push((payload as { tick: number }).tick);
    });
    try {
      const scheduledAt = Date.now();
      await syncSchedules(local, [{ serviceId: "fast", path: "direct", intervalMs: 400 }]);
      await waitUntil(async () => ticks.length >= 4, 30_000, "four scheduled ticks");
      // Never faster than the interval: one job per 400 ms slot since the schedule began, none before its tick.
      const slotsSoFar = Math.floor(Date.now() / 400) - Math.floor(scheduledAt / 400) + 1;
      expect(ticks.length).toBeLessThanOrEqual(slotsSoFar);
      expect(ticks.every((t, i) => t <= deliveredAt[i]!)).toBe(true);
      expect(ticks.every((t) => t % 400 === 0)).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
    } finally {
      await worker.close();
      await events.close();
      await local.obliterate({ force: true });
      await local.close();
    }
  });
});
