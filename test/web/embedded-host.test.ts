// The embedded default: kensa start hosts the Next app in its own process over its own PGlite (one owner,
// STACK.md). createWebHandler must serve pages and the API from the database it is handed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@kensa/db";
import { openTestPgliteDatabase, seedDashboard, type DashboardSeed } from "@kensa/testkit";
import { createWebHandler, type WebHandler } from "@kensa/web/server";
import { ensureWebBuild, webDir } from "../support/web-build";

describe("the dashboard hosted in-process over PGlite", () => {
  let db: Database;
  let web: WebHandler;
  let server: Server;
  let base: string;
  let seed: DashboardSeed;

  beforeAll(async () => {
    const [database] = await Promise.all([openTestPgliteDatabase(), ensureWebBuild()]);
    db = database;
    seed = await seedDashboard(db, { services: 8, days: 5, endDay: "2026-11-20" });
    web = await createWebHandler({ database: db, dir: webDir });
    server = createServer((req, res) => void web.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await web?.close();
    await db?.close();
  });

  it("answers health from the database it was handed", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(await res.json()).toMatchObject({ status: "ok", database: "pglite" });
  });

  it("serves the API and the pages from that database", async () => {
    const list = await (await fetch(`${base}/api/v1/services?pageSize=250`)).json();
    expect(list.total).toBe(8);
    const service = seed.services[2]!;
    const page = await fetch(`${base}/services/${service.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`/api/v1/badge/${service.id}.svg`);
    expect(page.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
  });
});
