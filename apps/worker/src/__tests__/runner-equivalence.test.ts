import { afterAll, describe, expect, it } from "vitest";
import { countRuns, stepsWithRun, type Database } from "@kensa/db";
import { hasRedis, inCi, openTestPgliteDatabase, openTestPostgresDatabase, redisUnavailable, redisUrl, skipWithoutPostgres, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { probeJobId, runIdempotencyKey } from "@kensa/services";
import type { KensaRuntime } from "../runtime/open-runtime";
import { openTestRuntime, storyServices } from "./support/runtime";

if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const skip = skipWithoutPostgres() || !hasRedis;
const tick = Date.UTC(2026, 10, 23, 0, 0, 0);

async function sweep(runtime: KensaRuntime, done: () => Promise<void>): Promise<string[]> {
  runtime.clock.set(tick);
  const keys: string[] = [];
  for (const serviceId of storyServices) {
    for (const path of ["direct", "gateway"] as const) {
      const payload = { serviceId, path, trigger: "schedule" as const, tick, intervalMs: 900_000 };
      keys.push(runIdempotencyKey(payload));
      await runtime.queue.add("probe.run", payload, { jobId: probeJobId(payload) });
    }
  }
  await done();
  return keys;
}

async function storedOutcomes(db: Database, keys: string[]) {
  const steps = await stepsWithRun(db, { idempotencyKeys: keys });
  return steps
    .map((s) => `${s.run.serviceId}|${s.run.path}|${s.seq}|${s.name}|${s.ok}|${s.errorClass ?? "-"}|${s.fault ?? "-"}|${s.httpStatus ?? "-"}|${s.rpcCode ?? "-"}`)
    .sort();
}

describe.skipIf(skip)("in-process and BullMQ modes store the same results for the same seeded sweep", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  });

  it("same steps, outcomes, classes and statuses, service by service", async () => {
    const liteDb = await openTestPgliteDatabase();
    closers.push(() => liteDb.close());
    const embedded = await openTestRuntime({ database: liteDb });
    closers.push(() => embedded.close());
    const embeddedKeys = await sweep(embedded, () => embedded.runner!.idle());

    const pgDb = await openTestPostgresDatabase();
    closers.push(() => pgDb.close());
    const prefix = testRedisPrefix("equivalence").replace(/:/g, "-");
    const distributed = await openTestRuntime({ database: pgDb, env: { REDIS_URL: redisUrl, KENSA_QUEUE_PREFIX: prefix } });
    closers.push(async () => {
      await distributed.bullmq?.queue.queue.obliterate({ force: true });
      await distributed.close();
    });
    distributed.startWorker({ concurrency: 4 });
    const distributedKeys = await sweep(distributed, () =>
      waitUntil(async () => (await countRuns(pgDb)) >= storyServices.length * 2, 60_000, "the BullMQ sweep"),
    );
    expect(distributedKeys).toEqual(embeddedKeys);
    const a = await storedOutcomes(liteDb, embeddedKeys);
    const b = await storedOutcomes(pgDb, distributedKeys);
    expect(a.length).toBeGreaterThan(storyServices.length * 2 * 3);
    expect(b).toEqual(a);
  });
});
