// The production server (`next start`) beside an unreachable Redis: a re-probe with a valid token is answered
// 503 "the job queue is unavailable" once the web's enqueue deadline passes, instead of a request left open,
// and the refusal is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listAudit, syncServices, type Database } from "@kensa/db";
import { freePort, openTestPostgresDatabase, skipWithoutPostgres, syntheticService } from "@kensa/testkit";
import { startNextServer, type RunningServer } from "../support/next-server";
import { ensureWebBuild } from "../support/web-build";

describe.skipIf(skipWithoutPostgres())("next start with Redis unreachable", () => {
  let db: Database & { url: string };
  let server: RunningServer;
  let token = "";
  beforeAll(async () => {
    const [database] = await Promise.all([openTestPostgresDatabase({ poolSize: 2 }), ensureWebBuild()]);
    db = database;
    await syncServices(db, [syntheticService("freee")]);
    token = (await createApiToken(db, { name: "ci", scopes: ["reprobe:freee"] })).token;
    const closedPort = await freePort();
    server = await startNextServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: "2", REDIS_URL: `redis://127.0.0.1:${closedPort}` });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("answers a re-probe 503 with the queue named, and audits it", async () => {
    const res = await fetch(`${server.url}/api/v1/services/freee/reprobe`, { method: "POST", headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: { code: "unavailable", message: "the job queue is unavailable; try again shortly" } });
    expect((await listAudit(db, { target: "freee" })).map((e) => e.action)).toContain("reprobe.failed");
    expect(server.output()).toContain("kensa web: re-probe of freee not queued");
  }, 40_000);
});
