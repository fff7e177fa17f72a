// POST /api/v1/services/{id}/reprobe against a real database, with a queue that records what was enqueued
// (the endpoint's job is to enqueue the right probe, not to probe: that path is tested in @kensa/worker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listAudit, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { RecordingJobQueue } from "@kensa/services/testing";
import { reprobeHandler, type ReprobeDeps } from "./handlers/reprobe";
import { openApiDocument } from "./openapi";
import { ApiErrorBody, ReprobeAccepted } from "./schemas";
import { withEnqueueDeadline } from "../server/enqueue-deadline";
import type { Session } from "../server/session";

const url = (id: string) => `http://kensa.test/api/v1/services/${id}/reprobe`;
const post = (id: string, headers: Record<string, string> = {}, body?: string) =>
  new Request(url(id), { method: "POST", headers: { host: "kensa.test", ...headers }, ...(body !== undefined ? { body } : {}) });

describe("re-probe endpoint", () => {
  /** Every status the endpoint answered in these tests, checked against the OpenAPI document at the end. */
  const answered = new Set<number>();
  const handle = async (...args: Parameters<typeof reprobeHandler>) => {
    const res = await reprobeHandler(...args);
    answered.add(res.status);
    if (res.status === 202) ReprobeAccepted.parse(await res.clone().json());
    if (res.status >= 400) ApiErrorBody.parse(await res.clone().json());
    return res;
  };
  let db: Database;
  let vendorToken: string;
  let queue: RecordingJobQueue;
  let now = Date.UTC(2026, 10, 24, 9, 0, 5);
  const session: Session = { subject: "freee vendor", tokenId: "", scopes: ["reprobe:freee"], csrf: "good-csrf" };
  const deps = (over: Partial<ReprobeDeps> = {}): ReprobeDeps => ({
    db, queue, now, session: async () => null, csrfValid: (_s, presented) => presented === "good-csrf", ...over,
  });

  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, ["freee", "slack"].map(syntheticService));
    const issued = await createApiToken(db, { name: "freee vendor", scopes: ["reprobe:freee"] });
    vendorToken = issued.token;
    session.tokenId = issued.id;
    queue = new RecordingJobQueue();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("answers 401 with a Bearer challenge without credentials, and for an unknown token", async () => {
    const none = await handle(post("freee"), { id: "freee" }, deps());
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="kensa"');
    const bad = await handle(post("freee", { authorization: "Bearer kensa_forged" }), { id: "freee" }, deps());
    expect(bad.status).toBe(401);
    expect(queue.added).toHaveLength(0);
  });

  it("accepts a scoped bearer token (202, job enqueued), then rate-limits the service for the rest of the minute (429 + Retry-After)", async () => {
    const ok = await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps());
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: "accepted", serviceId: "freee", path: "direct" });
    expect(queue.added).toEqual([expect.objectContaining({ name: "probe.run", payload: expect.objectContaining({ serviceId: "freee", trigger: "manual" }) })]);
    const again = await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ now: now + 10_000 }));
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("45");
    expect(queue.added).toHaveLength(1);
  });

  it("refuses a service outside the token's scopes (403) and unknown services (404)", async () => {
    expect((await handle(post("slack", { authorization: `Bearer ${vendorToken}` }), { id: "slack" }, deps())).status).toBe(403);
    expect((await handle(post("no-such", { authorization: `Bearer ${vendorToken}` }), { id: "no-such" }, deps())).status).toBe(403);
    expect((await handle(post("Bad Id!"), { id: "Bad Id!" }, deps())).status).toBe(404);
  });

  it("accepts the dashboard's form only with the session's CSRF token and from this origin", async () => {
    now += 60_000;
    const form = (csrf: string, origin?: string) =>
      post("freee", { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) }, `csrf=${csrf}`);
    const signedIn = deps({ session: async () => session, now });
    expect((await handle(form("forged"), { id: "freee" }, signedIn)).status).toBe(403);
    expect((await handle(form("good-csrf", "https://evil.example"), { id: "freee" }, signedIn)).status).toBe(403);
    const ok = await handle(form("good-csrf", "http://kensa.test"), { id: "freee" }, signedIn);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/services/freee?reprobe=accepted");
  });

  it("says 503 when this process has no job queue", async () => {
    const res = await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ queue: null, now: now + 120_000 }));
    expect(res.status).toBe(503);
  });

  it("answers 503 instead of hanging when the job queue never takes the job, and audits it", async () => {
    const stuck = withEnqueueDeadline({ add: () => new Promise<void>(() => undefined) }, { timeoutMs: 50 });
    const t = now + 180_000;
    const res = await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ queue: stuck, now: t }));
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).error).toEqual({ code: "unavailable", message: "the job queue is unavailable; try again shortly" });
    const [latest] = await listAudit(db, { target: "freee", action: "reprobe.failed" });
    expect(latest).toMatchObject({ actor: `token:${session.tokenId}`, details: expect.objectContaining({ error: expect.stringContaining("within 50 ms") }) });
    // Nothing was queued, so the minute is not used up: the same minute's retry goes through.
    expect((await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ now: t }))).status).toBe(202);
  });

  it("answers 503 when the job queue refuses the job, and sends the dashboard's form back with ?reprobe=unavailable", async () => {
    const refusing = withEnqueueDeadline({ add: () => Promise.reject(new Error("Stream isn't writeable")) });
    const json = await handle(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ queue: refusing, now: now + 240_000 }));
    expect(json.status).toBe(503);
    const form = post("freee", { "content-type": "application/x-www-form-urlencoded", origin: "http://kensa.test" }, "csrf=good-csrf");
    const back = await handle(form, { id: "freee" }, deps({ queue: refusing, now: now + 300_000, session: async () => session }));
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("/services/freee?reprobe=unavailable");
    expect(queue.added.filter((j) => (j.payload as { requestId: string }).requestId === `slot-${Math.floor((now + 240_000) / 60_000)}`)).toEqual([]);
  });

  it("answers only with statuses the OpenAPI document lists for it", () => {
    const documented = Object.keys((openApiDocument().paths as Record<string, { post: { responses: object } }>)["/api/v1/services/{id}/reprobe"]!.post.responses);
    expect([...answered].sort()).toEqual([202, 303, 401, 403, 404, 429, 503]);
    for (const status of answered) expect(documented, String(status)).toContain(String(status));
  });

  it("audits every decision with the token as actor", async () => {
    const actions = (await listAudit(db, { limit: 50 })).filter((e) => e.action.startsWith("reprobe.")).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["reprobe.requested", "reprobe.rate_limited", "reprobe.denied"]));
  });
});
