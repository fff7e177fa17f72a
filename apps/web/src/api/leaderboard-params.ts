// The leaderboard's filters, sort and pagination: one definition for the page's URL, /api/v1/services and
// /api/v1/export.csv, so a shared link, an API call and an export select the same services.
import { z } from "zod";
import { AuthMethod, dataSourceOrder } from "@kensa/core";
import { gradeOrder } from "../lib/grades";
import { boolParam, enumDefault, enumParam, intParam, listParam, slugListParam } from "./query-params";

export const sortKeys = ["grade", "score", "name", "category", "vendor", "auth", "sso", "iac", "successRate", "p95", "lastProbed"] as const;
export type SortKey = (typeof sortKeys)[number];
export const windowDays = ["7", "30", "90"] as const;

export const filterParams = {
  q: z.string().max(100, "at most 100 characters").optional().describe("search in id, English and Japanese names and vendor"),
  category: slugListParam(50),
  grade: listParam([...gradeOrder, "ungraded"]),
  auth: listParam(AuthMethod.options as readonly string[] as readonly [string, ...string[]]),
  sso: boolParam(),
  iac: boolParam(),
  source: enumParam(dataSourceOrder),
  ids: slugListParam(250),
  window: enumDefault(windowDays, "30").transform((w) => Number(w)),
  sort: enumDefault(sortKeys, "grade"),
  order: enumParam(["asc", "desc"]),
};

export const pageParams = {
  page: intParam(1, 100_000, 1),
  pageSize: intParam(1, 250, 50),
};

export const leaderboardParams = { ...filterParams, ...pageParams };

export type LeaderboardFilters = { [K in keyof typeof filterParams]: z.output<(typeof filterParams)[K]> };
export type LeaderboardQuery = LeaderboardFilters & { [K in keyof typeof pageParams]: z.output<(typeof pageParams)[K]> };
