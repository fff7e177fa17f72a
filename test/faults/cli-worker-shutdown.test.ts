import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { countRuns, countRunsByKey, type Database } from "@kensa/db";
import { hasRedis, inCi, openTestPostgresDatabase, redisUnavailable, redisUrl, skipWithoutPostgres, testRedisPrefix, waitUntil } from "@kensa/testkit";
import { syncCatalogue } from "@kensa/worker";
import { BullmqJobQueue, probeJobId, runIdempotencyKey } from "@kensa/services";

// The real `kensa worker` process (the CLI, its signal handling, its sandbox fleet) stopped with SIGTERM in the
// middle of a sweep: it exits 0, leaves no job active (none dropped, none left to stall), every job it finished
// has its run stored, and a second `kensa worker` completes the sweep with each run stored exactly once.
if (!hasRedis && inCi) throw new Error(`Redis is required in CI: ${redisUnavailable}`);
const kensa = fileURLToPath(new URL("../../apps/cli/bin/kensa.mjs", import.meta.url));
const services = ["freee", "slack", "smarthr", "chatwork", "kintone", "backlog", "money-forward-cloud", "sansan"];

function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, [kensa, "worker", "--concurrency", "3"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("Ctrl-C stops")) resolve(void clearInterval(timer));
      if (child.exitCode !== null) reject(new Error(`kensa worker exited ${child.exitCode}: ${out}`));
    }, 100);
  });
  return { child, exited, ready, output: () => out };
}

describe.skipIf(skipWithoutPostgres() || !hasRedis)("kensa worker: SIGTERM mid-sweep drops no acknowledged job", () => {
  let db: Database & { url: string };
  let queue: BullmqJobQueue;
  const prefix = testRedisPrefix("cli-term").replace(/:/g, "-");
  const children: ReturnType<typeof startWorker>[] = [];
  beforeAll(async () => {
    db = await openTestPostgresDatabase({ poolSize: 2 });
    const catalogue = await loadCatalogue();
    await syncCatalogue(db, catalogue, "test");
    queue = new BullmqJobQueue({ connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix });
  });
  afterAll(async () => {
    for (const c of children) c.child.kill("SIGKILL");
    await queue?.queue.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await db?.close();
  });

  it("finishes what it took, exits 0, and the next worker does the rest — every run once", async () => {
    const env = { DATABASE_URL: db.url, DATABASE_POOL_SIZE: "3", REDIS_URL: redisUrl, KENSA_QUEUE_PREFIX: prefix, KENSA_TARGETS: "sandbox" };
    const first = startWorker({ ...env, KENSA_WORKER_ID: "cli-first" });
    children.push(first);
    await first.ready;
    const keys: string[] = [];
    for (const serviceId of services) {
      for (const path of ["direct", "gateway"] as const) {
        const payload = { serviceId, path, trigger: "schedule" as const, tick: Date.UTC(2026, 10, 23, 7), intervalMs: 900_000 };
        keys.push(runIdempotencyKey(payload));
        await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
      }
    }
    // SIGTERM the moment the first run is stored, so it lands mid-sweep.
    await waitUntil(async () => (await countRuns(db, { idempotencyKeys: keys })) > 0, 60_000, "the first stored run", 50);
    first.child.kill("SIGTERM");
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain("finishing in-flight jobs");

    const counts = await queue.queue.getJobCounts("active", "completed", "waiting", "failed", "delayed");
    expect(counts.active).toBe(0);
    expect(counts.failed).toBe(0);
    const completed = (await queue.queue.getCompleted(0, 1_000)).filter((j) => j.name === "probe.run");
    const storedByFirst = await countRuns(db, { idempotencyKeys: keys, workerId: "cli-first" });
    expect(storedByFirst).toBe(completed.length);
    expect(storedByFirst).toBeGreaterThan(0);
    expect(storedByFirst).toBeLessThan(keys.length);

    const second = startWorker({ ...env, KENSA_WORKER_ID: "cli-second" });
    children.push(second);
    await waitUntil(async () => (await countRuns(db, { idempotencyKeys: keys })) >= keys.length, 90_000, "the rest of the sweep");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const rows = await countRunsByKey(db, { idempotencyKeys: keys });
    expect(rows.size).toBe(keys.length);
    expect([...rows.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});
