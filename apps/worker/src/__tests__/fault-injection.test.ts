import { afterEach, describe, expect, it } from "vitest";
import { countRuns, countRunsByKey, countSteps, openDatabase, runStepTallies, type Database } from "@kensa/db";
import { hasRedis, inCi, openTestPostgresDatabase, redisUnavailable, redisUrl, skipWithoutPostgres, startPrivateRedis, startTcpProxy, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { queueDrained } from "./support/queue-drained";
import { openTestRuntime, slowProbes, startFaultWorker } from "./support/runtime";
import { enqueueSweep } from "./support/sweep-audit";

if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const skip = skipWithoutPostgres() || !hasRedis;




describe.skipIf(skip)("fault injection: the sweep completes, nothing lost or doubled", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  it("Redis restarted mid-sweep: workers reconnect and every run is stored exactly once", async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.dispose());
    const db = await openTestPostgresDatabase();
    cleanups.push(() => db.close());
    const runtime = await openTestRuntime({ database: db, env: { REDIS_URL: redis.url, KENSA_QUEUE_PREFIX: "fault-redis" } });
    cleanups.push(() => runtime.close());
    slowProbes(runtime, 400);
    runtime.startWorker({ concurrency: 2, lockDurationMs: 3000, stalledIntervalMs: 1500 });
    const { keys } = await enqueueSweep(runtime.queue, Date.UTC(2026, 10, 22, 1));
    await waitUntil(async () => (await countRuns(db, { idempotencyKeys: keys })) >= 2, 30_000, "the first runs");
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    await waitUntil(async () => (await countRuns(db, { idempotencyKeys: keys })) === keys.length, 90_000, "the whole sweep after the restart");
    await waitUntil(() => queueDrained(runtime.bullmq!.queue.queue), 90_000, "an empty queue: no late duplicate can land");
    const rows = await countRunsByKey(db, { idempotencyKeys: keys });
    expect(rows.size).toBe(keys.length);
    expect([...rows.values()].every((n) => n === 1)).toBe(true);
  });

  it("PostgreSQL unreachable mid-sweep: jobs fail, retry with backoff, and every run is stored exactly once", async () => {
    const real = await openTestPostgresDatabase();
    cleanups.push(() => real.close());
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(real.url).port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(real.url);
    viaProxy.port = String(proxy.port);
    const db: Database = await openDatabase({ kind: "postgres", url: viaProxy.toString(), poolSize: 4 });
    cleanups.push(() => db.close());
    const prefix = testRedisPrefix("fault-pg").replace(/:/g, "-");
    const { runtime, failures } = await startFaultWorker({ database: db, redisUrl, prefix, cleanups });
    const { keys } = await enqueueSweep(runtime.queue, Date.UTC(2026, 10, 22, 2));
    await waitUntil(async () => (await countRuns(real, { idempotencyKeys: keys })) >= 2, 30_000, "the first runs");
    await proxy.cut();
    await waitUntil(async () => failures.length > 0, 60_000, "a job failing on the outage");
    await proxy.restore();
    await waitUntil(async () => (await countRuns(real, { idempotencyKeys: keys })) === keys.length, 120_000, "the whole sweep after the outage");
    expect(failures.length).toBeGreaterThan(0); // the outage was felt, and retried
    const rows = await countRunsByKey(real, { idempotencyKeys: keys });
    expect(rows.size).toBe(keys.length);
    expect([...rows.values()].every((n) => n === 1)).toBe(true);
    const steps = await countSteps(real, { run: { idempotencyKeys: keys } });
    const expected = (await runStepTallies(real, { idempotencyKeys: keys })).reduce((n, r) => n + r.stepCount, 0);
    expect(steps).toBe(expected);
  });
});
