// The MCP server's reads port (@kensa/mcp KensaReads) over the dashboard's own data layer: search is the
// leaderboard's loadLeaderboard with the same filters, a service is loadServiceDetail plus its stored
// report, trends are the history API's weekly buckets. An agent and the page never disagree.
import type { ServiceCategory } from "@kensa/core";
import { latestGrade, latestRollupDay, readLatestProtocol, readReportedSummary, readLeaderboardServices, readDailySeries, type Database } from "@kensa/db";
import type { KensaReads, ServiceSearch, Trend } from "@kensa/mcp";
import { addDays, todayUtc } from "../lib/days";
import { bucketPoints, loadHistory } from "../data/history";
import { loadLeaderboard, pageOf } from "../data/leaderboard";
import { loadServiceDetail } from "../data/service-detail";
import { readRepoDoc } from "../server/repo-docs";

export function webMcpReads(db: Database): KensaReads {
  return {
    async searchServices(search: ServiceSearch) {
      const board = await loadLeaderboard(db, {
        q: search.query,
        category: search.category,
        grade: search.grade,
        auth: search.auth,
        sso: search.sso,
        iac: search.iac,
        source: search.source,
        ids: [],
        window: search.window,
        sort: "grade",
        order: undefined,
      });
      const { items, page, pages } = pageOf(board.rows, search.page, search.pageSize);
      return { asOf: board.asOf, total: board.rows.length, page, pages, rows: items };
    },

    async service(id) {
      const [detail, snapshot, protocol, reported] = await Promise.all([
        loadServiceDetail(db, id), latestGrade(db, id), readLatestProtocol(db, id), readReportedSummary(db, id, { windowDays: 30 }),
      ]);
      if (!detail) return null;
      return { ...detail, report: snapshot?.report ?? null, declared: detail.declared, protocol, reported };
    },

    async serviceIds() {
      return (await readLeaderboardServices(db)).map((s) => s.id);
    },

    async serviceTrend(id, weeks) {
      const [service] = await readLeaderboardServices(db, { ids: [id] });
      if (!service) return null;
      const range = await weeksRange(db, weeks);
      return { ...range, serviceIds: [id], points: await loadHistory(db, id, range, "week") };
    },

    async categoryTrend(category: ServiceCategory, weeks) {
      const ids = (await readLeaderboardServices(db)).filter((s) => s.category === category).map((s) => s.id);
      if (ids.length === 0) return null;
      const range = await weeksRange(db, weeks);
      // bucketPoints merges every service's days into each week with the ingest's own aggregate functions.
      return { ...range, serviceIds: ids, points: bucketPoints(await readDailySeries(db, ids, range), "week", range) };
    },

    async methodologyDocument() {
      return readRepoDoc("docs/methodology.md");
    },
  };
}

async function weeksRange(db: Database, weeks: number): Promise<Pick<Trend, "from" | "to">> {
  const to = (await latestRollupDay(db)) ?? todayUtc();
  return { from: addDays(to, -(weeks * 7 - 1)), to };
}
