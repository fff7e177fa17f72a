// The population over time for analysts, all from rollups and grade snapshots: adoption of OAuth, SSO and
// IaC (the seed's "60% OAuth, SSO rare, IaC near zero"), grade distribution by week, success per category
// by week, the error-class mix per category over the window, and the biggest score moves.
import { isSimulated } from "@kensa/core";
import {
  latestRollupDay, readCategoryDaily, readCategoryErrorMix, readGradeDistributionAt, readLeaderboardServices, readObservedAuthAdoption, readScoreMoves,
  type Database, type ObservedAuthAdoption, type ScoreMove,
} from "@kensa/db";
import type { ErrorClass } from "@kensa/core";
import { addDays, todayUtc, weekStart } from "../lib/days";
import { gradeOrder } from "../lib/grades";
import { adoptionFigure, loadAdoption, type AdoptionView } from "./adoption";
import { loadProtocolMix, type ProtocolMix } from "./protocol-mix";
import { cachedWindowStats, staleWhileRevalidate } from "./window-cache";

export interface Trends {
  asOf: string | null;
  from: string;
  to: string;
  total: number;
  sandbox: boolean;
  /** Declared in the catalogue (with sources), across all services. */
  adoption: { oauth: number; sso: number; iac: number; authMix: Record<string, number> };
  /** Declared beside simulated, by vendor origin (data/adoption.ts). */
  byOrigin: AdoptionView;
  /** Observed by the readiness checks in the window. */
  observed: ObservedAuthAdoption;
  gradeWeeks: Record<string, string | number>[];
  categoryWeeks: { week: string; rates: Record<string, number | null> }[];
  categories: { category: string; calls: number; successes: number; errors: Partial<Record<ErrorClass, number>> }[];
  /** Failures per error class per week, for one category or (null) the whole population. */
  errorWeeks: { category: string | null; classes: string[]; rows: Record<string, string | number>[] };
  movers: { up: ScoreMove[]; down: ScoreMove[] };
  /** Share of runs per day by protocol era posture, per source (data/protocol-mix.ts). */
  protocolMix: ProtocolMix;
}

/** Population trends move once per sweep: cached like the window figures (see window-cache.ts). */
export async function loadTrends(db: Database, days: number, category: string | null = null): Promise<Trends> {
  const asOf = await latestRollupDay(db);
  return staleWhileRevalidate(db, `trends|${asOf}|${days}|${category ?? ""}`, () => computeTrends(db, asOf, days, category), { freshMs: 60_000 });
}

async function computeTrends(db: Database, asOf: string | null, days: number, category: string | null): Promise<Trends> {
  const to = asOf ?? todayUtc();
  const from = addDays(to, -(days - 1));
  const weekEnds = Array.from({ length: Math.ceil(days / 7) }, (_, i) => addDays(to, -7 * i)).reverse();
  const [services, stats, categoryDays, errorMix, gradeRows, moves, observed, byOrigin, protocolMix] = await Promise.all([
    readLeaderboardServices(db),
    cachedWindowStats(db, { from, to }),
    readCategoryDaily(db, { from, to }),
    readCategoryErrorMix(db, { from, to }),
    readGradeDistributionAt(db, weekEnds),
    readScoreMoves(db, { from: addDays(to, -30), to }),
    readObservedAuthAdoption(db, new Date(`${from}T00:00:00Z`)),
    loadAdoption(db),
    loadProtocolMix(db, new Date(`${from}T00:00:00Z`)),
  ]);
  const declaredCount = (metric: "oauth" | "sso" | "iac") => adoptionFigure(byOrigin, "declared", metric, "all")?.count ?? 0;
  const authMix: Record<string, number> = {};
  for (const s of services) authMix[s.authMethod] = (authMix[s.authMethod] ?? 0) + 1;
  const byCategory = new Map<string, Trends["categories"][number]>();
  for (const s of services) {
    const st = stats.get(s.id);
    const c = byCategory.get(s.category) ?? { category: s.category, calls: 0, successes: 0, errors: {} };
    byCategory.set(s.category, c);
    if (!st) continue;
    c.calls += st.calls;
    c.successes += st.successes;
    for (const [cls, n] of Object.entries(st.errorCounts) as [ErrorClass, number][]) c.errors[cls] = (c.errors[cls] ?? 0) + n;
  }
  const weeks = new Map<string, Map<string, { calls: number; successes: number }>>();
  for (const d of categoryDays) {
    const w = weekStart(d.day);
    const m = weeks.get(w) ?? new Map();
    weeks.set(w, m);
    const c = m.get(d.category) ?? { calls: 0, successes: 0 };
    c.calls += d.calls;
    c.successes += d.successes;
    m.set(d.category, c);
  }
  const mix = errorMix.filter((m) => category === null || m.category === category);
  const errorClassesSeen = [...new Set(mix.map((m) => m.errorClass))].sort();
  const errorRows = new Map<string, Record<string, string | number>>();
  for (const m of mix) {
    const row = errorRows.get(m.week) ?? { week: m.week };
    row[m.errorClass] = ((row[m.errorClass] as number | undefined) ?? 0) + m.count;
    errorRows.set(m.week, row);
  }
  const sorted = [...moves].sort((a, b) => (b.score - b.previousScore) - (a.score - a.previousScore));
  return {
    asOf,
    from,
    to,
    total: services.length,
    sandbox: [...stats.values()].some((s) => isSimulated(s.sources)) || services.some((s) => isSimulated(s.grade?.source)),
    adoption: { oauth: declaredCount("oauth"), sso: declaredCount("sso"), iac: declaredCount("iac"), authMix },
    byOrigin,
    observed,
    gradeWeeks: weekEnds.map((day) => ({ week: day, ...Object.fromEntries(gradeOrder.map((g) => [g, gradeRows.find((r) => r.day === day && r.grade === g)?.count ?? 0])) })),
    categoryWeeks: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, m]) => ({
      week,
      rates: Object.fromEntries([...m].map(([cat, c]) => [cat, c.calls > 0 ? c.successes / c.calls : null])),
    })),
    categories: [...byCategory.values()].sort((a, b) => b.calls - a.calls),
    errorWeeks: { category, classes: errorClassesSeen, rows: [...errorRows.values()].sort((a, b) => String(a.week).localeCompare(String(b.week))) },
    protocolMix,
    movers: { up: sorted.filter((m) => m.score > m.previousScore).slice(0, 8), down: sorted.filter((m) => m.score < m.previousScore).reverse().slice(0, 8) },
  };
}
