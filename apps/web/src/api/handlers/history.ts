// GET /api/v1/services/{id}/history?from&to&granularity — buckets merged from daily rollups.
import { listSources } from "@kensa/core";
import { latestRollupDay, getService, type Database } from "@kensa/db";
import { loadHistory } from "../../data/history";
import { addDays, daysBetween, todayUtc } from "../../lib/days";
import { dateParam, enumDefault, parseParams } from "../query-params";
import { badRequest, cachePolicy, json, notFound } from "../respond";
import type { ServiceHistory } from "../schemas";
import { badServiceId } from "./service";

export const historyParams = {
  from: dateParam().describe("first day, YYYY-MM-DD (UTC; default 89 days before `to`)"),
  to: dateParam().describe("last day, YYYY-MM-DD (UTC; default the newest day with data)"),
  granularity: enumDefault(["day", "week", "month"], "day"),
};

export const maxHistoryDays = 731;

export async function historyHandler(db: Database, url: URL, params: Record<string, string>): Promise<Response> {
  const bad = badServiceId(params.id);
  if (bad) return bad;
  const parsed = parseParams(historyParams, url.searchParams);
  if (!parsed.ok) return badRequest(parsed.issues);
  const q = parsed.value;
  const to = q.to ?? (await latestRollupDay(db)) ?? todayUtc();
  const from = q.from ?? addDays(to, -89);
  if (from > to) return badRequest([{ parameter: "from", message: `invalid from: ${from} is after to (${to})`, expected: "a date on or before `to`" }]);
  if (daysBetween(from, to) >= maxHistoryDays) {
    return badRequest([{ parameter: "from", message: `invalid from: the range spans more than ${maxHistoryDays} days`, expected: `a range of at most ${maxHistoryDays} days` }]);
  }
  if (!(await getService(db, params.id!))) return notFound(`no tracked service has the id "${params.id}"`);
  const granularity = q.granularity ?? "day";
  const points = await loadHistory(db, params.id!, { from, to }, granularity);
  const body: ServiceHistory = { serviceId: params.id!, from, to, granularity, sources: listSources(points.flatMap((p) => p.sources)), points };
  return json(body, cachePolicy.history);
}
