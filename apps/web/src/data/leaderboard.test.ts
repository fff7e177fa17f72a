import { describe, expect, it } from "vitest";
import { leaderboardParams, type LeaderboardFilters } from "../api/leaderboard-params";
import { parseParams } from "../api/query-params";
import { distributionOf, matches, pageOf, sortRows } from "./leaderboard";
import type { SummaryRow } from "./service-summary";

function row(id: string, over: Partial<SummaryRow> & { g?: [string, number] | null; rate?: number | null; p95?: number | null } = {}): SummaryRow {
  const { g = ["A", 75], rate = 0.95, p95 = 100, ...rest } = over;
  return {
    id,
    name: { en: `Service ${id}`, ja: `サービス${id}` },
    vendor: "Vendor",
    category: "accounting",
    authMethod: "oauth2",
    auth: { method: "oauth2", basis: "declared" },
    sso: false,
    iac: false,
    source: "sandbox",
    grade: g ? { grade: g[0] as "A", score: g[1], scoreBeforeCaps: g[1], provisional: false, coverage: "full", methodologyVersion: "1", computedAt: "2026-11-01T00:00:00.000Z", future: null } : null,
    window: { days: 30, from: "2026-10-03", to: "2026-11-01", calls: 10, successes: 9, successRate: rate, vendorFailures: 1, clientFailures: 0, intermediaryFailures: 0, errorCounts: {}, p50Ms: null, p95Ms: p95, p99Ms: null },
    lastProbedAt: null,
    packageEvidence: null,
    links: { self: "", html: "", badge: "" },
    sparkline: [],
    ...rest,
  };
}

function filters(qs: string): LeaderboardFilters {
  const r = parseParams(leaderboardParams, new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const rows = [
  row("a", { g: ["AA", 85], category: "hr", sso: true, rate: 0.99, p95: 300 }),
  row("b", { g: ["AA", 82], name: { en: "Freee accounting", ja: "フリー会計" }, rate: 0.9, p95: 50 }),
  row("c", { g: null, iac: true, source: "live", rate: null, p95: null }),
  row("d", { g: ["D", 12], authMethod: "none", auth: { method: "none", basis: "declared" }, vendor: "Acme", rate: 0.5, p95: 900 }),
];

describe("leaderboard filtering", () => {
  it.each([
    ["q=freee", ["b"]],
    ["q=フリー", ["b"]],
    ["q=acme", ["d"]],
    ["category=hr", ["a"]],
    ["grade=AA", ["a", "b"]],
    ["grade=ungraded", ["c"]],
    ["auth=none", ["d"]],
    ["sso=true", ["a"]],
    ["iac=true", ["c"]],
    ["iac=false&sso=false", ["b", "d"]],
    ["source=live", ["c"]],
    ["ids=a,d", ["a", "d"]],
  ])("%s keeps %j", (qs, expected) => {
    expect(rows.filter(matches(filters(qs))).map((r) => r.id)).toEqual(expected);
  });
});

describe("leaderboard auth filter", () => {
  it("matches the shown method: an observed one where the catalogue declares unknown, never the unknown behind it", () => {
    const observed = row("e", { authMethod: "unknown", auth: { method: "oauth2_1_pkce", basis: "observed" } });
    const unknown = row("f", { authMethod: "unknown", auth: { method: "unknown", basis: "declared" } });
    const both = [...rows, observed, unknown];
    expect(both.filter(matches(filters("auth=oauth2_1_pkce"))).map((r) => r.id)).toEqual(["e"]);
    expect(both.filter(matches(filters("auth=unknown"))).map((r) => r.id)).toEqual(["f"]);
    expect(sortRows(both, "auth", "asc").map((r) => r.auth.method)).toEqual(["none", "oauth2", "oauth2", "oauth2", "oauth2_1_pkce", "unknown"]);
  });
});

describe("leaderboard sorting", () => {
  it.each([
    ["grade", undefined, ["a", "b", "d", "c"]],
    ["score", undefined, ["a", "b", "d", "c"]],
    ["score", "asc", ["d", "b", "a", "c"]],
    ["successRate", undefined, ["a", "b", "d", "c"]],
    ["p95", undefined, ["b", "a", "d", "c"]],
    ["p95", "desc", ["d", "a", "b", "c"]],
    ["name", undefined, ["b", "a", "c", "d"]],
    ["sso", undefined, ["a", "b", "c", "d"]],
    ["iac", undefined, ["c", "a", "b", "d"]],
  ] as const)("by %s %s puts missing values last: %j", (sort, order, expected) => {
    expect(sortRows(rows, sort, order).map((r) => r.id)).toEqual(expected);
  });
});

describe("paging and distribution", () => {
  it("clamps the page into range", () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], page: 2, pages: 3 });
    expect(pageOf([1, 2, 3], 9, 2)).toEqual({ items: [3], page: 2, pages: 2 });
    expect(pageOf([], 1, 50)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it("counts grades and ungraded services", () => {
    expect(distributionOf(rows)).toMatchObject({ AA: 2, D: 1, ungraded: 1, AAA: 0 });
  });
});
