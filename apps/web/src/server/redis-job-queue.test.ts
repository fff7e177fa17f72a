// The web process's BullMQ queue against the machine's real Redis, reached through a proxy the test can cut:
// with Redis away a re-probe is answered 503 within the deadline (never hangs), nothing is added behind the
// caller's back once Redis returns, and the next request goes through.
import { createServer, type Server, type Socket } from "node:net";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, syncServices, type Database } from "@kensa/db";
import { deleteRedisKeys, hasRedis, openTestPgliteDatabase, redisUrl, startTcpProxy, syntheticService, testRedisPrefix, type TcpProxy } from "@kensa/testkit";
import { reprobeHandler, type ReprobeDeps } from "../api/handlers/reprobe";
import { getJobQueue } from "./job-queue";
import { WebRedisJobQueue } from "./redis-job-queue";

const minute = 60_000;
const post = () => new Request("http://kensa.test/api/v1/services/freee/reprobe", { method: "POST", headers: { host: "kensa.test", authorization: `Bearer ${token}` } });
let token = "";

/** BullMQ job hashes under the prefix (not their :logs/:lock companions), by the request id they carry. */
async function queuedRequestIds(prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const keys = (await redis.keys(`${prefix}:*probe.run|*`)).filter((k) => !/:(logs|lock)$/.test(k));
    const data = await Promise.all(keys.map((k) => redis.hget(k, "data")));
    return data.map((d) => (JSON.parse(d ?? "{}") as { requestId?: string }).requestId ?? "?").sort();
  } finally {
    redis.disconnect();
  }
}

describe.skipIf(!hasRedis)("the web process's job queue with Redis away", () => {
  let db: Database;
  let proxy: TcpProxy;
  const prefix = testRedisPrefix("web-queue");
  const t0 = Date.UTC(2026, 10, 24, 10, 0, 5);
  const deps = (queue: ReprobeDeps["queue"], now: number): ReprobeDeps => ({ db, queue, now, session: async () => null, csrfValid: () => false });
  const queues: WebRedisJobQueue[] = [];
  let proxyCut = false;
  const cut = async () => {
    await proxy.cut();
    proxyCut = true;
  };
  const open = (timeoutMs: number, url = `redis://127.0.0.1:${proxy.port}`) => {
    const q = new WebRedisJobQueue({ url, prefix, timeoutMs });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, [syntheticService("freee")]);
    token = (await createApiToken(db, { name: "ops", scopes: ["reprobe:*"] })).token;
    proxy = await startTcpProxy({ host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) });
  });
  afterEach(async () => {
    if (proxyCut) await proxy.restore();
    proxyCut = false;
  });
  afterAll(async () => {
    for (const q of queues) await q.close();
    await proxy?.close();
    await db?.close();
    await deleteRedisKeys(`${prefix}:*`);
  });

  it("next start with REDIS_URL down since boot: 503 after the 5 s deadline instead of a request that never ends", async () => {
    await cut();
    const slot = Symbol.for("kensa.web.jobQueue");
    const env = { url: process.env.REDIS_URL, prefix: process.env.KENSA_QUEUE_PREFIX };
    process.env.REDIS_URL = `redis://127.0.0.1:${proxy.port}`;
    process.env.KENSA_QUEUE_PREFIX = prefix;
    try {
      const queue = await getJobQueue();
      const res = await reprobeHandler(post(), { id: "freee" }, deps(queue, t0));
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("unavailable");
      await (queue as WebRedisJobQueue).close();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[slot];
      for (const [name, value] of [["REDIS_URL", env.url], ["KENSA_QUEUE_PREFIX", env.prefix]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 20_000);

  it("drops the connection of a timed-out enqueue, so the job is not added once Redis returns; the next request goes through", async () => {
    await cut();
    const queue = open(300);
    const refused = await reprobeHandler(post(), { id: "freee" }, deps(queue, t0 + minute));
    expect(refused.status).toBe(503);
    expect(queue.connected).toBe(false);

    await proxy.restore();
    proxyCut = false;
    const accepted = await reprobeHandler(post(), { id: "freee" }, deps(queue, t0 + 2 * minute));
    expect(accepted.status).toBe(202);
    const { requestId } = (await accepted.json()) as { requestId: string };
    // A connection left to retry would reconnect within ~0.2-0.6 s (its retry strategy) and add the first job.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await queuedRequestIds(prefix)).toEqual([requestId]);
  });

  it("fails at once, without waiting for the deadline, when Redis goes away after the queue connected", async () => {
    const queue = open(60_000);
    const payload = (n: number) => ({ serviceId: "freee", path: "direct" as const, trigger: "manual" as const, requestId: `test-${n}`, requestedBy: "test" });
    await queue.add("probe.run", payload(1));
    await cut();
    await expect(queue.add("probe.run", payload(2))).rejects.toThrow("the job queue refused the job");
  });

  it("answers 503 when the address accepts connections but never speaks Redis", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((s) => sockets.add(s.on("error", () => undefined)));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const queue = open(300, `redis://127.0.0.1:${(silent.address() as { port: number }).port}`);
      const res = await reprobeHandler(post(), { id: "freee" }, deps(queue, t0 + 3 * minute));
      expect(res.status).toBe(503);
      expect(queue.connected).toBe(false);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
