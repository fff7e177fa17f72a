// GET /api/v1/grades/distribution — how many services hold each grade (same filters as the leaderboard), and
// how many of them are labelled sandbox (simulated), as the service list labels each row.
import { dataSourceOrder, type DataSource } from "@kensa/core";
import type { Database } from "@kensa/db";
import { loadLeaderboard } from "../../data/leaderboard";
import { filterParams } from "../leaderboard-params";
import { parseParams } from "../query-params";
import { badRequest, cachePolicy, json } from "../respond";
import type { GradeDistribution } from "../schemas";

const { sort: _sort, order: _order, window: _window, ...distributionFilters } = filterParams;
export const distributionParams = distributionFilters;

export async function distributionHandler(db: Database, url: URL): Promise<Response> {
  const parsed = parseParams(distributionParams, url.searchParams);
  if (!parsed.ok) return badRequest(parsed.issues);
  const board = await loadLeaderboard(db, { ...parsed.value, sort: "grade", order: undefined, window: 30 });
  const { ungraded, ...grades } = board.distribution;
  // A row's source is its grade's and window's (package evidence is separate): every table source is a key.
  const sources = Object.fromEntries(dataSourceOrder.map((s) => [s, 0])) as Record<DataSource, number>;
  let unsourced = 0;
  for (const row of board.rows) {
    if (row.source) sources[row.source] += 1;
    else unsourced += 1;
  }
  const body: GradeDistribution = { asOf: board.asOf, total: board.rows.length, ungraded, grades, sources, unsourced };
  return json(body, cachePolicy.live);
}
