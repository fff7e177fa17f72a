// Runs once per `vitest run`: probes PostgreSQL and Redis, migrates the template databases, and cleans up.
// Missing services fail the run in CI; elsewhere their tests are skipped and this says so, loudly.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { migratePostgres, openDatabase } from "@kensa/db";
import { inCi, redisUrl } from "./services";
import { createDatabase, databaseUrl, dropDatabasesWithPrefix } from "./postgres";

function loud(message: string): void {
  const bar = "!".repeat(100);
  console.warn(`\n${bar}\n!! ${message}\n${bar}\n`);
}

async function redisReachable(): Promise<string | null> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${redisUrl} did not answer: ${String(error)}`;
  } finally {
    redis.disconnect();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  process.env.KENSA_TEST_RUN_ID = runId;
  const prefix = `kensa_test_${runId}`;
  const scratch = await mkdtemp(join(tmpdir(), "kensa-test-"));
  process.env.KENSA_TEST_SCRATCH = scratch;

  // PGlite template: migrated once, dumped, loaded by every test that wants an embedded database.
  const pglite = await openDatabase({ kind: "pglite", dataDir: "memory://" }, { migrations: "apply" });
  if (pglite.kind !== "pglite") throw new Error("expected PGlite");
  const dump = await pglite.pglite.dumpDataDir("gzip");
  await pglite.close();
  const dumpPath = join(scratch, "pglite-template.tar.gz");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  process.env.KENSA_TEST_PGLITE_TEMPLATE = dumpPath;

  let pgReady = false;
  try {
    await createDatabase(prefix, "template0");
    process.env.KENSA_TEST_PG_TEMPLATE = prefix;
    await migratePostgres(databaseUrl(prefix));
    pgReady = true;
  } catch (error) {
    delete process.env.KENSA_TEST_PG_TEMPLATE;
    const reason = `PostgreSQL is unavailable (${String(error).split("\n")[0]})`;
    process.env.KENSA_TEST_PG_UNAVAILABLE = reason;
    if (inCi) throw new Error(`${reason}: CI needs it`);
    loud(`${reason}: every PostgreSQL test is SKIPPED. Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }

  const redisProblem = await redisReachable();
  if (redisProblem) {
    process.env.KENSA_TEST_REDIS_UNAVAILABLE = redisProblem;
    if (inCi) throw new Error(`${redisProblem}: CI needs it`);
    loud(`${redisProblem}: every Redis/BullMQ test is SKIPPED. Start it with redis-server (see .ci/run).`);
  }

  return async () => {
    if (pgReady) await dropDatabasesWithPrefix(prefix);
    if (!redisProblem) {
      const { deleteRedisKeys } = await import("./redis");
      await deleteRedisKeys(`kensa-test:${runId}:*`);
      await deleteRedisKeys(`*kensa-test:${runId}:*`);
    }
    await rm(scratch, { recursive: true, force: true });
  };
}
