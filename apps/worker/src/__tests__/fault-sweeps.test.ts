// Fault injection over whole sweeps (real Redis, real PostgreSQL): a worker process SIGKILLed mid-sweep, a
// worker stopped with SIGTERM mid-sweep, a private PostgreSQL cluster crashed and restarted, and its
// connections exhausted. After each, the audit counts every scheduled run exactly once, with all its steps,
// and the daily rollups count each run once. The machine's shared PostgreSQL and Redis are never disturbed.
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { countRuns, countRunsByWorker, openDatabase, type Database } from "@kensa/db";
import { createMigratedDatabase, hasRedis, inCi, openTestPostgresDatabase, postgresBinDir, redisUnavailable, redisUrl, skipWithoutPostgres, startPrivatePostgres, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { BullmqJobQueue } from "@kensa/services";
import { spawnTestChild, type TestChild } from "./support/child-process";
import { queueDrained } from "./support/queue-drained";
import { startFaultWorker, storyServices } from "./support/runtime";
import { auditSweep, cleanAudit, enqueueSweep, storedCount, type Sweep } from "./support/sweep-audit";

if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
if (!postgresBinDir() && inCi) throw new Error("PostgreSQL server binaries are required in CI (/usr/lib/postgresql/*/bin)");
const skip = skipWithoutPostgres() || !hasRedis;
const freshPrefix = (name: string) => testRedisPrefix(name).replace(/:/g, "-");

async function expectClean(db: Database, sweep: Sweep, queue: BullmqJobQueue): Promise<void> {
  await waitUntil(() => queueDrained(queue.queue), 90_000, "an empty queue: no late duplicate can land");
  const audit = await auditSweep(db, sweep);
  expect(audit).toEqual(cleanAudit(sweep, audit.trafficSteps));
  expect(audit.trafficSteps).toBeGreaterThan(sweep.keys.length);
}


describe.skipIf(skip)("fault sweeps: worker processes killed or stopped mid-sweep", () => {
  const children: TestChild[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) c.process.kill("SIGKILL");
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });
  async function setup(name: string) {
    const db = await openTestPostgresDatabase();
    const prefix = freshPrefix(name);
    const queue = new BullmqJobQueue({ connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix });
    cleanups.push(() => db.close(), async () => { await queue.queue.obliterate({ force: true }); await queue.close(); });
    const start = (id: string, extra: Record<string, string>) => {
      const child = spawnTestChild("./worker-child.ts", { DATABASE_URL: db.url, REDIS_URL: redisUrl, KENSA_QUEUE_PREFIX: prefix, KENSA_WORKER_ID: id, TEST_SERVICES: storyServices.join(","), TEST_LOCK_MS: "2000", TEST_STALLED_MS: "1000", ...extra });
      children.push(child);
      return child;
    };
    return { db, queue, start };
  }

  it("SIGKILL mid-sweep: the survivor recovers the dead worker's jobs; every run stored exactly once", async () => {
    const { db, queue, start } = await setup("sweep-kill");
    const doomed = start("worker-doomed", { TEST_CONCURRENCY: "3", TEST_PROBE_DELAY_MS: "60000" });
    await doomed.waitFor(/^READY$/);
    const sweep = await enqueueSweep(queue, Date.UTC(2026, 10, 23, 3));
    await doomed.waitFor(/^ACTIVE /);
    await waitUntil(async () => doomed.lines.filter((l) => l.startsWith("TAKEN ")).length >= 2, 15_000, "two jobs in flight on the doomed worker");
    const inFlight = doomed.lines.filter((l) => l.startsWith("TAKEN ")).length;
    doomed.process.kill("SIGKILL");
    await doomed.exited;
    expect(inFlight).toBeGreaterThanOrEqual(2);
    const survivor = start("worker-survivor", { TEST_CONCURRENCY: "3", TEST_PROBE_DELAY_MS: "100" });
    await waitUntil(async () => (await storedCount(db, sweep)) === sweep.keys.length, 90_000, "the whole sweep after the kill");
    await expectClean(db, sweep, queue);
    const byWorker = await countRunsByWorker(db, { idempotencyKeys: sweep.keys });
    expect([...byWorker]).toEqual([["worker-survivor", sweep.keys.length]]);
    expect(survivor.lines.filter((l) => l.startsWith("DONE ")).length).toBe(sweep.keys.length);
  }, 150_000);

  it("SIGTERM mid-sweep: every job the worker took is finished and stored before it exits; the next worker does the rest", async () => {
    const { db, queue, start } = await setup("sweep-term");
    const stopping = start("worker-stopping", { TEST_CONCURRENCY: "3", TEST_PROBE_DELAY_MS: "1500" });
    await stopping.waitFor(/^READY$/);
    const sweep = await enqueueSweep(queue, Date.UTC(2026, 10, 23, 4));
    await stopping.waitFor(/^ACTIVE /);
    stopping.process.kill("SIGTERM");
    expect(await stopping.exited).toBe(0);
    const taken = stopping.lines.filter((l) => l.startsWith("TAKEN ")).map((l) => l.slice(6));
    const done = stopping.lines.filter((l) => l.startsWith("DONE ")).map((l) => l.slice(5));
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(sweep.keys.length);
    expect(done.sort()).toEqual([...taken].sort());
    expect(stopping.lines.lastIndexOf(`DONE ${done.at(-1)}`)).toBeLessThan(stopping.lines.indexOf("STOPPED"));
    expect(await countRuns(db, { idempotencyKeys: sweep.keys, workerId: "worker-stopping" })).toBe(taken.length);
    start("worker-next", { TEST_CONCURRENCY: "3" });
    await waitUntil(async () => (await storedCount(db, sweep)) === sweep.keys.length, 90_000, "the rest of the sweep");
    await expectClean(db, sweep, queue);
  }, 150_000);
});

describe.skipIf(skip || !postgresBinDir())("fault sweeps: a private PostgreSQL cluster crashed, restarted and exhausted", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });
  async function setup(name: string, maxConnections: number) {
    const cluster = await startPrivatePostgres({ maxConnections });
    cleanups.push(() => cluster.dispose());
    const url = await createMigratedDatabase(cluster, "kensa");
    const db = await openDatabase({ kind: "postgres", url, poolSize: 4 });
    cleanups.push(() => db.close());
    const { runtime, failures } = await startFaultWorker({ database: db, redisUrl, prefix: freshPrefix(name), cleanups });
    // The audit reads through its own connection, opened once the sweep is over.
    const audit = async () => {
      const reader = await openDatabase({ kind: "postgres", url, poolSize: 1 });
      cleanups.push(() => reader.close());
      return reader;
    };
    return { cluster, url, runtime, failures, audit };
  }

  it("PostgreSQL crashes (immediate stop) and restarts mid-sweep: jobs retry; every run stored exactly once", async () => {
    const { cluster, runtime, failures, audit } = await setup("sweep-pg-restart", 40);
    const sweep = await enqueueSweep(runtime.queue, Date.UTC(2026, 10, 23, 5));
    await waitUntil(async () => (await storedCount(runtime.db, sweep)) >= 2, 60_000, "the first runs");
    await cluster.stop("immediate");
    await waitUntil(async () => failures.length > 0, 60_000, "a job failing on the stopped database");
    await cluster.start();
    const reader = await audit();
    await waitUntil(async () => (await storedCount(reader, sweep)) === sweep.keys.length, 120_000, "the whole sweep after the restart");
    expect(failures.length).toBeGreaterThan(0);
    await expectClean(reader, sweep, runtime.bullmq!.queue);
  }, 180_000);

  it("PostgreSQL connections exhausted mid-sweep: jobs fail with too-many-clients, retry, and every run is stored exactly once", async () => {
    const { cluster, url, runtime, failures, audit } = await setup("sweep-pg-exhaust", 12);
    const sweep = await enqueueSweep(runtime.queue, Date.UTC(2026, 10, 23, 6));
    await waitUntil(async () => (await storedCount(runtime.db, sweep)) >= 2, 60_000, "the first runs");
    // Take every free connection, cut the worker's own, and take the slots they freed too.
    const hogs: pg.Client[] = [];
    const grab = async () => {
      for (;;) {
        const client = new pg.Client({ connectionString: cluster.adminUrl });
        client.on("error", () => undefined);
        try {
          await client.connect();
          hogs.push(client);
        } catch {
          return;
        }
      }
    };
    const database = new URL(url).pathname.slice(1);
    let workerConnections = -1;
    for (let i = 0; i < 20 && workerConnections !== 0; i++) {
      await grab();
      const { rows } = await hogs[0]!.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [database]);
      workerConnections = rows[0]!.n;
      if (workerConnections > 0) await hogs[0]!.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(workerConnections).toBe(0);
    expect(hogs.length).toBeGreaterThanOrEqual(cluster.maxConnections - 1);
    await waitUntil(async () => failures.some((m) => /too many clients|terminat/i.test(m)), 60_000, "a job failing on the exhausted database");
    await Promise.all(hogs.map((c) => c.end().catch(() => undefined)));
    const reader = await audit();
    await waitUntil(async () => (await storedCount(reader, sweep)) === sweep.keys.length, 120_000, "the whole sweep after the exhaustion");
    expect(failures.some((m) => /too many clients|terminat/i.test(m))).toBe(true);
    await expectClean(reader, sweep, runtime.bullmq!.queue);
  }, 180_000);
});
