// GET /api/v1/services/{id} — one service with its grade's evidence, fixes and history.
import type { Database } from "@kensa/db";
import { loadServiceDetail } from "../../data/service-detail";
import { windowDays } from "../leaderboard-params";
import { enumDefault, parseParams } from "../query-params";
import { badRequest, cachePolicy, json, notFound } from "../respond";
import type { ServiceDetail } from "../schemas";

export const serviceIdPattern = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
export const serviceParams = { window: enumDefault(windowDays, "30").transform((w) => Number(w)) };

export function badServiceId(id: string | undefined): Response | null {
  if (id !== undefined && serviceIdPattern.test(id)) return null;
  return badRequest([{ parameter: "id", message: "invalid id: expected a lower-case service id", expected: `a string matching ${serviceIdPattern.source}` }]);
}

export async function serviceHandler(db: Database, url: URL, params: Record<string, string>): Promise<Response> {
  const bad = badServiceId(params.id);
  if (bad) return bad;
  const parsed = parseParams(serviceParams, url.searchParams);
  if (!parsed.ok) return badRequest(parsed.issues);
  const detail = await loadServiceDetail(db, params.id!, parsed.value.window);
  if (!detail) return notFound(`no tracked service has the id "${params.id}"`);
  const { sparkline: _s, declaredRaw: _d, ...body } = detail;
  return json(body satisfies ServiceDetail, cachePolicy.live);
}

