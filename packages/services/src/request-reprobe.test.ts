import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listAudit, verifyApiToken, revokeApiToken, type Database, type VerifiedToken } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { syncServices } from "@kensa/db";
import type { JobQueue } from "./jobs/job-queue";
import { requestReprobe } from "./request-reprobe";
import { RecordingJobQueue } from "./testing/recording-job-queue";

describe("requestReprobe", () => {
  let db: Database;
  let token: VerifiedToken;
  const t0 = Date.UTC(2026, 10, 24, 12, 0, 10);
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, [syntheticService("freee"), syntheticService("slack")]);
    const issued = await createApiToken(db, { name: "vendor-freee", scopes: ["reprobe:freee"] });
    token = (await verifyApiToken(db, issued.token))!;
  });
  afterAll(async () => {
    await db?.close();
  });

  it("accepts an authorised request once per minute slot, enqueues a manual probe and audits both answers", async () => {
    const queue = new RecordingJobQueue();
    const first = await requestReprobe({ db, queue, now: t0 }, { serviceId: "freee", token });
    expect(first).toMatchObject({ status: "accepted", requestId: `slot-${Math.floor(t0 / 60_000)}` });
    expect(queue.added).toEqual([expect.objectContaining({ name: "probe.run", payload: expect.objectContaining({ serviceId: "freee", trigger: "manual", requestedBy: `token:${token.id}` }) })]);

    const again = await requestReprobe({ db, queue, now: t0 + 20_000 }, { serviceId: "freee", token });
    expect(again).toEqual({ status: "rate_limited", retryAfterSec: 30, reason: "freee was re-probed less than a minute ago" });
    expect(queue.added).toHaveLength(1);

    const nextSlot = await requestReprobe({ db, queue, now: t0 + 60_000 }, { serviceId: "freee", token });
    expect(nextSlot.status).toBe("accepted");
    const actions = (await listAudit(db, { target: "freee" })).map((e) => e.action);
    expect(actions.sort()).toEqual(["reprobe.rate_limited", "reprobe.requested", "reprobe.requested"]);
  });

  it("a queue that is down fails the request, is audited as failed, and does not use up the minute", async () => {
    const down: JobQueue = { add: async () => { throw new Error("redis unavailable"); } };
    const at = t0 + 10 * 60_000;
    await expect(requestReprobe({ db, queue: down, now: at }, { serviceId: "freee", token })).rejects.toThrow(/redis unavailable/);
    const queue = new RecordingJobQueue();
    expect((await requestReprobe({ db, queue, now: at + 1_000 }, { serviceId: "freee", token })).status).toBe("accepted");
    expect((await listAudit(db, { target: "freee", action: "reprobe.failed" }))).toHaveLength(1);
  });

  it("refuses a service outside the token's scopes, and audits the refusal", async () => {
    const queue = new RecordingJobQueue();
    expect(await requestReprobe({ db, queue, now: t0 }, { serviceId: "slack", token })).toMatchObject({ status: "forbidden" });
    expect(queue.added).toHaveLength(0);
    expect((await listAudit(db, { target: "slack" }))[0]).toMatchObject({ action: "reprobe.denied", actor: `token:${token.id}` });
  });

  it("says not_found for an unknown service without enqueuing anything", async () => {
    const admin = await createApiToken(db, { name: "ops", scopes: ["admin"] });
    const verified = (await verifyApiToken(db, admin.token))!;
    const queue = new RecordingJobQueue();
    expect(await requestReprobe({ db, queue, now: t0 }, { serviceId: "nope", token: verified })).toMatchObject({ status: "not_found" });
    expect(queue.added).toHaveLength(0);
  });

  it("stores only a hash of each token, and a revoked token stops verifying", async () => {
    const issued = await createApiToken(db, { name: "short-lived", scopes: ["reprobe:*"] });
    const rows = await db.sql.query("SELECT * FROM api_token");
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect(await verifyApiToken(db, issued.token)).toMatchObject({ name: "short-lived" });
    expect(await revokeApiToken(db, issued.id)).toBe(true);
    expect(await verifyApiToken(db, issued.token)).toBeNull();
    expect(await verifyApiToken(db, "kensa_not-a-real-token")).toBeNull();
  });
});
