// GET /api/v1/services — the leaderboard as JSON (filters, sort, pagination as on the page).
import type { Database } from "@kensa/db";
import { loadLeaderboard, pageOf } from "../../data/leaderboard";
import type { SummaryRow } from "../../data/service-summary";
import { leaderboardParams } from "../leaderboard-params";
import { parseParams } from "../query-params";
import { badRequest, cachePolicy, json } from "../respond";
import type { ServiceList, ServiceSummary } from "../schemas";

export async function servicesHandler(db: Database, url: URL): Promise<Response> {
  const parsed = parseParams(leaderboardParams, url.searchParams);
  if (!parsed.ok) return badRequest(parsed.issues);
  const query = parsed.value;
  const board = await loadLeaderboard(db, query);
  const { items, page } = pageOf(board.rows, query.page, query.pageSize);
  const body: ServiceList = { data: items.map(apiSummary), page, pageSize: query.pageSize, total: board.rows.length, asOf: board.asOf };
  return json(body, cachePolicy.live);
}

export function apiSummary(row: SummaryRow): ServiceSummary {
  const { sparkline: _sparkline, ...summary } = row;
  return summary;
}
