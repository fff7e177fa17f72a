// dashboard: a year of history for 225 services (~1.5 M steps, rollups built by the ingest), then the
// server time of the leaderboard, a service page and the trends page on the production build of apps/web,
// hosted in this process (createWebHandler) over PostgreSQL. Server time = request arrival to response
// finished, measured inside the server, so no network or client time is in it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { readWindowStats } from "@kensa/db";
import { HISTORY_DAYS, RUNS_PER_DAY, sharedHistory } from "../support/history";
import { compare, series, timeIt, type BenchResult, type Series } from "../support/measure";

const REQUESTS = 40;
const WARMUP = 3;
const webDir = fileURLToPath(new URL("../../apps/web", import.meta.url));

export async function dashboardBenchmark(): Promise<BenchResult> {
  const notes: string[] = [];
  const { createWebHandler, ensureWebBuild } = await import("@kensa/web/server");
  const buildStart = performance.now();
  if ((await ensureWebBuild(webDir)) === "built") notes.push(`built the dashboard first (next build, ${((performance.now() - buildStart) / 1000).toFixed(0)} s; not measured)`);
  const history = await sharedHistory();
  const { db } = history.pg;
  const serviceId = history.seed.services[0]!.id;
  const pages = [
    { label: "leaderboard /", path: "/" },
    { label: `service page /services/${serviceId}`, path: `/services/${serviceId}` },
    { label: "trends /trends", path: "/trends" },
    { label: "API /api/v1/services", path: "/api/v1/services" },
  ];
  const handler = await createWebHandler({ database: db, dir: webDir, hostname: "127.0.0.1" });
  const serverTimes: number[] = [];
  const server: Server = createServer((req, res) => {
    const start = performance.now();
    res.once("finish", () => serverTimes.push(performance.now() - start));
    void handler.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const measured: Series[] = [];
  const cold: Record<string, number> = {};
  try {
    const get = async (path: string): Promise<number> => {
      serverTimes.length = 0;
      const response = await fetch(`${base}${path}`);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`dashboard: GET ${path} → ${response.status}: ${body.slice(0, 300)}`);
      await new Promise((r) => setImmediate(r));
      return serverTimes[0]!;
    };
    for (const page of pages) {
      cold[page.label] = Math.round(await get(page.path));
      for (let i = 1; i < WARMUP; i++) await get(page.path);
    }
    const bySeries = new Map(pages.map((p) => [p.path, series(`${p.label} (server time)`, "ms", "lower")]));
    // Round-robin over the pages, so a burst of load from the machine's other users spreads over all of them.
    for (let i = 0; i < REQUESTS; i++) for (const page of pages) bySeries.get(page.path)!.samples.push(Math.round((await get(page.path)) * 10) / 10);
    measured.push(...bySeries.values());
    // What the window cache saves: one uncached pass over 90 days of rollups for every service.
    const to = history.seed.lastDay;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const uncached = series("leaderboard figures uncached (90-day window, all services)", "ms", "lower");
    for (let i = 0; i < 10; i++) uncached.samples.push(Math.round(await timeIt(() => readWindowStats(db, { from, to }))));
    measured.push(uncached);
  } finally {
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    await handler.close();
  }
  const counts = { runs: history.seed.runs, steps: history.seed.steps };
  // Bytes per stored row (heap + indexes + TOAST): the scaling note extrapolates storage from these.
  const sizes = await db.sql.query<{ tbl: string; bytes: bigint | string; rows: bigint | string }>(
    `SELECT t.tbl, pg_total_relation_size(t.tbl::regclass) AS bytes, (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM ' || t.tbl, false, true, '')))[1]::text::bigint AS rows
     FROM unnest(ARRAY['probe_step', 'probe_run', 'daily_rollup', 'grade_snapshot']) AS t(tbl)`);
  const storage = Object.fromEntries(sizes.map((r) => [r.tbl, { rows: Number(r.rows), megabytes: Math.round(Number(r.bytes) / 2 ** 20), bytesPerRow: Math.round(Number(r.bytes) / Math.max(1, Number(r.rows))) }]));
  notes.push(`storage: ${Object.entries(storage).map(([t, v]) => `${t} ${v.rows.toLocaleString("en-US")} rows, ${v.megabytes} MB (${v.bytesPerRow} B/row with indexes)`).join("; ")}`);
  notes.push(`history: ${HISTORY_DAYS} days × ${RUNS_PER_DAY} runs a day × ${history.seed.services.length} services = ${counts.runs.toLocaleString("en-US")} runs, ${counts.steps.toLocaleString("en-US")} steps, seeded through recordRuns in ${history.seconds.toFixed(0)} s (not measured here: see ingest)`);
  notes.push(`first (cold) request per page, server time: ${Object.entries(cold).map(([k, v]) => `${k} ${v} ms`).join("; ")}`);
  notes.push(`${REQUESTS} requests per page after ${WARMUP} warm-up requests, round-robin; production build, PostgreSQL; window figures are served by the dashboard's stale-while-revalidate cache`);
  return {
    name: "dashboard",
    description: "server time of the dashboard's pages over a year of history for 225 services (~1.5 M steps)",
    series: measured,
    comparisons: measured.slice(0, pages.length).map((s) => compare(s, undefined, { max: 100, on: "p95", describe: "< 100 ms p95" })),
    notes,
    facts: { history: counts, coldMs: cold, storage },
  };
}
