// GET /api/v1/grades/distribution — how many services hold each grade (same filters as the leaderboard).
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
  const body: GradeDistribution = { asOf: board.asOf, total: board.rows.length, ungraded, grades };
  return json(body, cachePolicy.live);
}
