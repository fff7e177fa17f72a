import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { countRuns, countRunsByKey, countRunsByWorker, listRuns, type Database } from "@kensa/db";
import { hasRedis, inCi, openTestPostgresDatabase, redisUnavailable, redisUrl, skipWithoutPostgres, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { BullmqJobQueue, probeJobId, runIdempotencyKey } from "@kensa/services";
import { spawnTestChild, type TestChild } from "./support/child-process";
import { queueDrained } from "./support/queue-drained";
import { storyServices } from "./support/runtime";

if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const skip = skipWithoutPostgres() || !hasRedis;


describe.skipIf(skip)("BullMQ workers in separate processes (PostgreSQL + Redis)", () => {
  let db: Database & { url: string };
  let queue: BullmqJobQueue;
  let prefix: string;
  const children: TestChild[] = [];
  const startWorker = (id: string, extra: Record<string, string> = {}) => {
    const child = spawnTestChild("./worker-child.ts", {
      DATABASE_URL: db.url, REDIS_URL: redisUrl, KENSA_QUEUE_PREFIX: prefix, KENSA_WORKER_ID: id,
      TEST_SERVICES: storyServices.join(","), ...extra,
    });
    children.push(child);
    return child;
  };

  beforeAll(async () => {
    db = await openTestPostgresDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) c.process.kill("SIGKILL");
    await queue?.queue.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
  });
  const freshQueue = () => {
    prefix = testRedisPrefix("workers").replace(/:/g, "-");
    queue = new BullmqJobQueue({ connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix });
    return queue;
  };

  it("two worker processes share a sweep: every (service, path) probed exactly once, duplicates dropped", async () => {
    freshQueue();
    const a = startWorker("worker-a");
    const b = startWorker("worker-b");
    await Promise.all([a.waitFor(/^READY$/), b.waitFor(/^READY$/)]);
    const tick = Date.UTC(2026, 10, 21, 6);
    const keys: string[] = [];
    for (const serviceId of storyServices) {
      for (const path of ["direct", "gateway"] as const) {
        const payload = { serviceId, path, trigger: "schedule" as const, tick, intervalMs: 900_000 };
        keys.push(runIdempotencyKey(payload));
        await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
        await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
      }
    }
    await waitUntil(async () => (await countRuns(db, { idempotencyKeys: keys })) === keys.length, 90_000, "the sweep");
    await waitUntil(() => queueDrained(queue.queue), 30_000, "an empty queue: no late duplicate can land");
    const counts = await countRunsByKey(db);
    for (const key of keys) expect(counts.get(key), key).toBe(1);
    const byWorker = await countRunsByWorker(db, { idempotencyKeys: keys });
    expect([...byWorker.keys()].sort()).toEqual(["worker-a", "worker-b"]);
  });

  it("a worker killed (SIGKILL) mid-job: another worker recovers the job and its run is stored exactly once", async () => {
    freshQueue();
    const quick = { TEST_LOCK_MS: "2000", TEST_STALLED_MS: "1000" };
    const doomed = startWorker("worker-doomed", { ...quick, TEST_SLOW_SERVICE: "freee", TEST_SLOW_MS: "120000" });
    await doomed.waitFor(/^READY$/);
    const payload = { serviceId: "freee", path: "direct" as const, trigger: "schedule" as const, tick: Date.UTC(2026, 10, 21, 7), intervalMs: 900_000 };
    await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
    await doomed.waitFor(/^ACTIVE freee direct$/);
    doomed.process.kill("SIGKILL");
    await doomed.exited;
    const rescuer = startWorker("worker-rescuer", quick);
    await rescuer.waitFor(/^COMPLETED probe.run freee$/, 60_000);
    const runs = await listRuns(db, { idempotencyKeys: [runIdempotencyKey(payload)] });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.workerId).toBe("worker-rescuer");
  });

  it("SIGTERM lets the in-flight job finish and be stored before the worker exits", async () => {
    freshQueue();
    const worker = startWorker("worker-graceful", { TEST_SLOW_SERVICE: "slack", TEST_SLOW_MS: "2500" });
    await worker.waitFor(/^READY$/);
    const payload = { serviceId: "slack", path: "direct" as const, trigger: "manual" as const, requestId: "graceful-1" };
    await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
    await worker.waitFor(/^ACTIVE slack direct$/);
    worker.process.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.lines).toContain("COMPLETED probe.run slack");
    expect(worker.lines.indexOf("COMPLETED probe.run slack")).toBeLessThan(worker.lines.indexOf("STOPPED"));
    expect(await countRuns(db, { idempotencyKeys: [runIdempotencyKey(payload)] })).toBe(1);
  });
});
