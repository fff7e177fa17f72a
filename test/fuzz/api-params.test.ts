// Fuzzing the public API's parameter parsers through the same adapter Next's routes use (runApi): random
// query strings — known names with hostile values, unknown names, repeats, broken percent-encoding — and
// random ids always get 200, 400 or 404 with a JSON body (badges: SVG), never a 500.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@kensa/db";
import { openTestPgliteDatabase, seedDashboard } from "@kensa/testkit";
import { badgeHandler } from "../../apps/web/src/api/handlers/badge";
import { distributionHandler } from "../../apps/web/src/api/handlers/distribution";
import { exportCsvHandler } from "../../apps/web/src/api/handlers/export-csv";
import { historyHandler } from "../../apps/web/src/api/handlers/history";
import { serviceHandler } from "../../apps/web/src/api/handlers/service";
import { servicesHandler } from "../../apps/web/src/api/handlers/services";
import { runApi, type ApiHandler } from "../../apps/web/src/api/run-api";
import { provideDatabase } from "../../apps/web/src/server/database";

const names = ["q", "category", "grade", "auth", "sso", "iac", "source", "ids", "window", "sort", "order", "page", "pageSize", "from", "to", "granularity", "format", "lang", "x"];
const values = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", "1", "0", "-1", "1e309", "NaN", "Infinity", "9007199254740993", "true", "false", "AAA", "ungraded", "asc", "desc", "grade", "7", "30", "90", "2026-02-30", "2026-11-20", "0000-01-01", "9999-12-31", "day", "week", "a,b,,c", "../../etc/passwd", "<script>", "'; DROP TABLE service; --", "%", "%zz", "%00", "\u0000", "svc-001", "a".repeat(5_000)),
);
const pair = fc.tuple(fc.constantFrom(...names), values).map(([k, v]) => `${encodeURIComponent(k)}=${Math.random() < 0.2 ? v : encodeURIComponent(v)}`);
const query = fc.oneof(fc.array(pair, { maxLength: 8 }).map((p) => p.join("&")), fc.string({ maxLength: 80 }));
const id = fc.oneof(fc.constantFrom("svc-001", "svc-002", "nope", "", "..", "svc-001.svg", "a".repeat(300)), fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-z0-9-]{1,20}$/));

const endpoints: { name: string; handler: ApiHandler; path: (id: string) => string; params: (id: string) => Record<string, string>; svg?: boolean }[] = [
  { name: "services", handler: servicesHandler, path: () => "/api/v1/services", params: () => ({}) },
  { name: "export.csv", handler: exportCsvHandler, path: () => "/api/v1/export.csv", params: () => ({}) },
  { name: "distribution", handler: distributionHandler, path: () => "/api/v1/grades/distribution", params: () => ({}) },
  { name: "service", handler: serviceHandler, path: (i) => `/api/v1/services/${encodeURIComponent(i)}`, params: (i) => ({ id: i }) },
  { name: "history", handler: historyHandler, path: (i) => `/api/v1/services/${encodeURIComponent(i)}/history`, params: (i) => ({ id: i }) },
  { name: "badge", handler: badgeHandler, path: (i) => `/api/v1/badge/${encodeURIComponent(i)}`, params: (i) => ({ file: `${i}.svg` }), svg: true },
];

describe("API parameter fuzzing: 200, 400 or 404 with a well-formed body, never 500", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await seedDashboard(db, { services: 8, days: 10, endDay: "2026-11-20", live: 1 });
    provideDatabase(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(endpoints.map((e) => [e.name, e] as const))("%s", async (_name, endpoint) => {
    await fc.assert(
      fc.asyncProperty(query, id, async (q, i) => {
        const url = `http://kensa.test${endpoint.path(i)}?${q}`;
        const response = await runApi(new Request(url), endpoint.handler, endpoint.params(i));
        const body = await response.text();
        expect([200, 400, 404], `${url} → ${response.status} ${body.slice(0, 300)}`).toContain(response.status);
        const type = response.headers.get("content-type") ?? "";
        if (response.status !== 200 || (!endpoint.svg && endpoint.name !== "export.csv")) {
          if (!(endpoint.svg && response.status === 200)) {
            expect(type).toMatch(/json/);
            expect(() => JSON.parse(body)).not.toThrow();
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
