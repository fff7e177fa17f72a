import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@kensa/db";
import { freePort, openTestPostgresDatabase, seedDashboard, skipWithoutPostgres } from "@kensa/testkit";
import { startNextServer, type RunningServer } from "../support/next-server";
import { ensureWebBuild } from "../support/web-build";
import { headerProblems, leakProblems, parseCsp, scriptNonceProblems } from "./header-checks";

// The production dashboard (next build + next start) as a header scanner and an attacker see it: every page,
// API response and error page carries the full set of security headers; pages run no script without the
// request's nonce; error pages — including with the database down — show no stack, path or internals.
const pages = ["/", "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=name", "/services/{a}", "/trends", "/compare?ids={a},{b}", "/methodology", "/lang?to=ja&next=/trends"];
const api = ["/api/health", "/api/openapi.json", "/api/v1/services", "/api/v1/services/{a}", "/api/v1/services/{a}/history", "/api/v1/grades/distribution", "/api/v1/export.csv", "/api/v1/badge/{a}.svg"];
const plantedPassword = "planted-db-password-7c1e";

describe.skipIf(skipWithoutPostgres())("web hardening: security headers, nonces and error pages that leak nothing", () => {
  let db: Database & { url: string };
  let server: RunningServer;
  let broken: RunningServer;
  const ids = { a: "", b: "" };
  // Paths name seeded services as {a} and {b}: the seed takes the catalogue's first ids.
  const at = (path: string) => path.replace(/\{a\}/g, ids.a).replace(/\{b\}/g, ids.b);
  beforeAll(async () => {
    const [database] = await Promise.all([openTestPostgresDatabase({ poolSize: 2 }), ensureWebBuild()]);
    db = database;
    const seed = await seedDashboard(db, { services: 12, days: 10, endDay: "2026-11-20", live: 2 });
    [ids.a, ids.b] = [seed.services[0]!.id, seed.services[1]!.id];
    const closedPort = await freePort();
    [server, broken] = await Promise.all([
      startNextServer({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: "2" }),
      startNextServer({ DATABASE_URL: `postgresql://kensa:${plantedPassword}@127.0.0.1:${closedPort}/kensa`, DATABASE_POOL_SIZE: "1" }),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), broken?.stop()]);
    await db?.close();
  });

  const get = (base: RunningServer, path: string) => fetch(base.url + at(path), { redirect: "manual" });

  it.each(pages)("page %s: top-grade headers, and every script carries this request's nonce", async (path) => {
    const res = await get(server, path);
    expect([200, 303, 307]).toContain(res.status);
    expect(headerProblems(res.headers, "page")).toEqual([]);
    if (res.status === 200) expect(scriptNonceProblems(await res.text(), res.headers.get("content-security-policy")!)).toEqual([]);
  });

  it("a fresh nonce for every request", async () => {
    const nonces = await Promise.all([1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await get(server, "/methodology")).headers.get("content-security-policy") ?? "")?.[1]));
    expect(new Set(nonces).size).toBe(3);
  });

  it.each(api)("API %s: top-grade headers with a CSP that lets nothing load", async (path) => {
    const res = await get(server, path);
    expect(res.status).toBe(200);
    expect(headerProblems(res.headers, "api")).toEqual([]);
  });

  it.each([
    ["/no-such-page", 404, "page"],
    ["/services/no-such-service", 404, "page"],
    ["/services/..%2F..%2Fetc%2Fpasswd", 404, "page"],
    ["/api/v1/services/no-such-service", 404, "api"],
    ["/api/v1/services?page=-1&sort=%3Cx%3E", 400, "api"],
    ["/api/v1/no-such-endpoint", 404, "api"],
  ] as const)("error %s → %i with the same headers and nothing leaked", async (path, status, kind) => {
    const res = await get(server, path);
    expect(res.status).toBe(status);
    expect(headerProblems(res.headers, kind)).toEqual([]);
    expect(leakProblems(await res.text())).toEqual([]);
  });

  it.each([...pages.slice(0, 5), "/api/v1/services", "/api/v1/services/{a}", "/api/v1/export.csv"])("database down: %s fails plainly, with headers and no internals", async (path) => {
    const res = await get(broken, path);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(headerProblems(res.headers, path.startsWith("/api/") ? "api" : "page")).toEqual([]);
    const body = await res.text();
    expect(leakProblems(body, [plantedPassword])).toEqual([]);
    if (path.startsWith("/api/")) expect(JSON.parse(body)).toMatchObject({ error: { code: "unavailable" } });
  });

  it.each(["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "/%2F%2Fevil.example"])("the language switch never redirects off-site (next=%s)", async (next) => {
    const res = await get(server, `/lang?to=ja&next=${encodeURIComponent(next)}`);
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(new URL(location, server.url).origin).toBe(new URL(server.url).origin);
  });

  it("the page CSP is the strict one (parsed)", async () => {
    const csp = parseCsp((await get(server, "/")).headers.get("content-security-policy")!);
    expect(csp.get("script-src")).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });
});
