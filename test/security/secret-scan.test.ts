import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "@kensa/catalogue";
import { CatalogueEntry } from "@kensa/core";
import { countRuns, countSteps, type Database } from "@kensa/db";
import { hasPostgres, openTestPgliteDatabase, openTestPostgresDatabase } from "@kensa/testkit";
import { startNextServer, type RunningServer } from "../support/next-server";
import { ensureWebBuild } from "../support/web-build";
import { openRuntime, parseWorkerEnv, syncCatalogue, type KensaRuntime } from "@kensa/worker";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { badgeHandler } from "../../apps/web/src/api/handlers/badge";
import { distributionHandler } from "../../apps/web/src/api/handlers/distribution";
import { exportCsvHandler } from "../../apps/web/src/api/handlers/export-csv";
import { historyHandler } from "../../apps/web/src/api/handlers/history";
import { serviceHandler } from "../../apps/web/src/api/handlers/service";
import { servicesHandler } from "../../apps/web/src/api/handlers/services";
import { reflectingCalls, startReflectingServer, type ReflectingServer } from "./reflecting-server";
import { findPlanted, textOfAllTables } from "./scan";

// Planted credentials go from a 0600 secrets file (KENSA_SECRETS_FILE) through live probes of a server that
// reflects them everywhere it can; then the worker's logs, every table, every API response and the rendered
// pages are searched for them (and their base64 / URL-encoded forms and halves). The probes must really have
// sent them. Pages need a Next server over PostgreSQL (required in CI); without it the rest runs on PGlite.
const planted = {
  SCAN_BEARER_TOKEN: `kensa-planted-bearer-${randomBytes(12).toString("hex")}`,
  SCAN_API_KEY: `kensa-planted-apikey-${randomBytes(12).toString("hex")}`,
};

function entry(id: string, url: string, credential: CatalogueEntry["credential"], profile: "oauth-day-token" | "api-key-basic"): CatalogueEntry {
  return CatalogueEntry.parse({
    id, name: { en: `Secret scan ${id}` }, vendor: "Kensa tests", category: "developer_tools",
    endpoint: { url, transport: "streamable-http" }, authMethod: "unknown", credential,
    calls: reflectingCalls.map((tool) => ({ tool, arguments: { note: "planted" }, readOnly: true })),
    intervalSec: 900, sandbox: { profile },
  });
}

describe("planted secrets reach no log line, no table, no API response and no page", () => {
  let dir: string;
  let server: ReflectingServer;
  let db: Database;
  let runtime: KensaRuntime;
  let web: RunningServer | undefined;
  const logs: string[] = [];
  const spans = new InMemorySpanExporter();
  const ids = ["scan-bearer", "scan-apikey"];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kensa-secret-scan-"));
    const secretsFile = join(dir, "secrets.json");
    await writeFile(secretsFile, JSON.stringify(planted));
    await chmod(secretsFile, 0o600);
    server = await startReflectingServer();
    db = hasPostgres ? await openTestPostgresDatabase({ poolSize: 4 }) : await openTestPgliteDatabase();
    const entries = [
      entry(ids[0]!, server.url, { kind: "bearer", tokenSecret: "SCAN_BEARER_TOKEN" }, "oauth-day-token"),
      entry(ids[1]!, server.url, { kind: "header", header: "X-API-Key", valueSecret: "SCAN_API_KEY" }, "api-key-basic"),
    ];
    const catalogue: Catalogue = { entries, byId: new Map(entries.map((e) => [e.id, e])), hashOf: (id) => `scan:${id}`, dir: "test", overlay: null };
    const env = parseWorkerEnv({ KENSA_TARGETS: "live", KENSA_SECRETS_FILE: secretsFile, KENSA_ALLOW_HOSTS: "127.0.0.1", KENSA_WORKER_ID: "secret-scan", WORKER_CONCURRENCY: "2" });
    runtime = await openRuntime({ env, database: db, catalogue, log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })), probeLimits: { requestTimeoutMs: 3_000, maxStreamMs: 2_000 } });
    await syncCatalogue(db, catalogue, "secret-scan");
    // What OTLP would export: every run's trace, captured in memory.
    runtime.context.tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }).getTracer("secret-scan");
    for (const id of ids) {
      for (const trigger of ["manual", "schedule"] as const) {
        const payload = trigger === "manual" ? { serviceId: id, path: "direct" as const, trigger, requestId: `scan-${id}`, requestedBy: "secret-scan" } : { serviceId: id, path: "direct" as const, trigger, tick: Date.UTC(2026, 10, 24, 1), intervalMs: 900_000 };
        await runtime.queue.add("probe.run", payload);
      }
    }
    await runtime.runner!.idle();
  });
  afterAll(async () => {
    await web?.stop();
    await runtime?.close();
    await db?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("the probes really used the planted credentials (read from the secrets file) and the server reflected them", async () => {
    expect(server.received.some((v) => v === `Bearer ${planted.SCAN_BEARER_TOKEN}`)).toBe(true);
    expect(server.received.some((v) => v === planted.SCAN_API_KEY)).toBe(true);
    expect(await countRuns(db, { serviceIds: ids })).toBe(4);
    const failed = await countSteps(db, { serviceIds: ids, names: ["tools/call:leakHttp", "tools/call:leakTool", "tools/call:leakRpc"], ok: false });
    expect(failed).toBe(12);
  });

  it("no log line holds one", () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(findPlanted(logs.join("\n"), Object.values(planted))).toEqual([]);
  });

  it("no exported trace span holds one", () => {
    const exported = spans.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status }));
    expect(exported.length).toBeGreaterThan(4);
    expect(findPlanted(JSON.stringify(exported), Object.values(planted))).toEqual([]);
  });

  it("no row of any table holds one", async () => {
    const { text, tables } = await textOfAllTables(db);
    expect(tables).toEqual(expect.arrayContaining(["probe_run", "probe_step", "daily_rollup", "grade_snapshot", "audit_event", "service"]));
    expect(text).toContain("leakHttp");
    expect(findPlanted(text, Object.values(planted))).toEqual([]);
  });

  it("no API response holds one", async () => {
    const base = "http://kensa.test";
    const responses = await Promise.all([
      servicesHandler(db, new URL("/api/v1/services?pageSize=250", base)),
      exportCsvHandler(db, new URL("/api/v1/export.csv", base)),
      distributionHandler(db, new URL("/api/v1/grades/distribution", base)),
      ...ids.flatMap((id) => [
        serviceHandler(db, new URL(`/api/v1/services/${id}`, base), { id }),
        historyHandler(db, new URL(`/api/v1/services/${id}/history`, base), { id }),
        badgeHandler(db, new URL(`/api/v1/badge/${id}.svg`, base), { file: `${id}.svg` }),
      ]),
    ]);
    const bodies = await Promise.all(responses.map(async (r) => `${r.status} ${JSON.stringify([...r.headers])} ${await r.text()}`));
    expect(bodies.filter((b) => b.startsWith("200")).length).toBe(bodies.length);
    expect(bodies.join("\n")).toContain("scan-bearer");
    expect(findPlanted(bodies.join("\n"), Object.values(planted))).toEqual([]);
  });

  it.skipIf(!hasPostgres)("no rendered page holds one", async () => {
    await ensureWebBuild();
    web = await startNextServer({ DATABASE_URL: (db as Database & { url: string }).url, DATABASE_POOL_SIZE: "2" });
    const paths = ["/", "/?q=scan", ...ids.map((id) => `/services/${id}`), "/trends", `/compare?ids=${ids.join(",")}`, "/?lang=ja"];
    const pages = await Promise.all(paths.map(async (path) => {
      const res = await fetch(web!.url + path);
      return `${path} ${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
    }));
    expect(pages.every((p) => / 200 /.test(p.slice(0, 80)))).toBe(true);
    const html = pages.join("\n");
    expect(html).toContain("Secret scan scan-bearer");
    expect(html).toContain("leakHttp");
    expect(findPlanted(html, Object.values(planted))).toEqual([]);
  }, 300_000);
});
