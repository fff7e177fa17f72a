// POST /api/v1/services/{id}/reprobe against a real database and the real in-process runner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, listAudit, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { InProcessRunnerForTests } from "./reprobe-test-runner";
import { reprobeHandler, type ReprobeDeps } from "./handlers/reprobe";
import type { Session } from "../server/session";

const url = (id: string) => `http://kensa.test/api/v1/services/${id}/reprobe`;
const post = (id: string, headers: Record<string, string> = {}, body?: string) =>
  new Request(url(id), { method: "POST", headers: { host: "kensa.test", ...headers }, ...(body !== undefined ? { body } : {}) });

describe("re-probe endpoint", () => {
  let db: Database;
  let vendorToken: string;
  let runner: InProcessRunnerForTests;
  let now = Date.UTC(2026, 10, 24, 9, 0, 5);
  const session: Session = { subject: "freee vendor", tokenId: "", scopes: ["reprobe:freee"], csrf: "good-csrf" };
  const deps = (over: Partial<ReprobeDeps> = {}): ReprobeDeps => ({
    db, queue: runner.queue, now, session: async () => null, csrfValid: (_s, presented) => presented === "good-csrf", ...over,
  });

  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db.prisma, ["freee", "slack"].map(syntheticService));
    const issued = await createApiToken(db.prisma, { name: "freee vendor", scopes: ["reprobe:freee"] });
    vendorToken = issued.token;
    session.tokenId = issued.id;
    runner = new InProcessRunnerForTests();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("answers 401 with a Bearer challenge without credentials, and for an unknown token", async () => {
    const none = await reprobeHandler(post("freee"), { id: "freee" }, deps());
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="kensa"');
    const bad = await reprobeHandler(post("freee", { authorization: "Bearer kensa_forged" }), { id: "freee" }, deps());
    expect(bad.status).toBe(401);
    expect(runner.jobs).toHaveLength(0);
  });

  it("accepts a scoped bearer token (202, job enqueued), then rate-limits the service for the rest of the minute (429 + Retry-After)", async () => {
    const ok = await reprobeHandler(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps());
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ status: "accepted", serviceId: "freee", path: "direct" });
    expect(runner.jobs).toEqual([expect.objectContaining({ name: "probe.run", payload: expect.objectContaining({ serviceId: "freee", trigger: "manual" }) })]);
    const again = await reprobeHandler(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ now: now + 10_000 }));
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("45");
    expect(runner.jobs).toHaveLength(1);
  });

  it("refuses a service outside the token's scopes (403) and unknown services (404)", async () => {
    expect((await reprobeHandler(post("slack", { authorization: `Bearer ${vendorToken}` }), { id: "slack" }, deps())).status).toBe(403);
    expect((await reprobeHandler(post("no-such", { authorization: `Bearer ${vendorToken}` }), { id: "no-such" }, deps())).status).toBe(403);
    expect((await reprobeHandler(post("Bad Id!"), { id: "Bad Id!" }, deps())).status).toBe(404);
  });

  it("accepts the dashboard's form only with the session's CSRF token and from this origin", async () => {
    now += 60_000;
    const form = (csrf: string, origin?: string) =>
      post("freee", { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) }, `csrf=${csrf}`);
    const signedIn = deps({ session: async () => session, now });
    expect((await reprobeHandler(form("forged"), { id: "freee" }, signedIn)).status).toBe(403);
    expect((await reprobeHandler(form("good-csrf", "https://evil.example"), { id: "freee" }, signedIn)).status).toBe(403);
    const ok = await reprobeHandler(form("good-csrf", "http://kensa.test"), { id: "freee" }, signedIn);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/services/freee?reprobe=accepted");
  });

  it("says 503 when this process has no job queue", async () => {
    const res = await reprobeHandler(post("freee", { authorization: `Bearer ${vendorToken}` }), { id: "freee" }, deps({ queue: null, now: now + 120_000 }));
    expect(res.status).toBe(503);
  });

  it("audits every decision with the token as actor", async () => {
    const actions = (await listAudit(db.prisma, { limit: 50 })).filter((e) => e.action.startsWith("reprobe.")).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["reprobe.requested", "reprobe.rate_limited", "reprobe.denied"]));
  });
});
