// One service as the leaderboard, the API and the CSV export show it: identity, markers, newest grade
// and the window's figures. Every number here comes from a grade snapshot or from daily rollups.
import { combineSources } from "@kensa/core";
import type { LeaderboardService, PackageRun, WindowStats } from "@kensa/db";
import type { ServiceSummary, WindowStatsView } from "../api/schemas";
import { isGrade, type GradeName } from "../lib/grades";
import { hasIac, hasSso } from "./declared";
import { packageEvidenceView } from "./package-evidence";

export interface WindowRange {
  days: number;
  from: string;
  to: string;
}

export interface SummaryRow extends ServiceSummary {
  /** Daily success rates over the window, oldest first (null on days without traffic): the sparkline. */
  sparkline: (number | null)[];
}

export function windowView(stats: WindowStats | undefined, range: WindowRange): WindowStatsView {
  const s = stats;
  return {
    days: range.days,
    from: range.from,
    to: range.to,
    calls: s?.calls ?? 0,
    successes: s?.successes ?? 0,
    successRate: s && s.calls > 0 ? s.successes / s.calls : null,
    vendorFailures: s?.vendorFailures ?? 0,
    clientFailures: s?.clientFailures ?? 0,
    intermediaryFailures: s?.intermediaryFailures ?? 0,
    errorCounts: s?.errorCounts ?? {},
    p50Ms: s?.p50Ms ?? null,
    p95Ms: s?.p95Ms ?? null,
    p99Ms: s?.p99Ms ?? null,
  };
}

export function summaryRow(service: LeaderboardService, stats: WindowStats | undefined, range: WindowRange, packageRun?: PackageRun): SummaryRow {
  const grade = service.grade && isGrade(service.grade.grade) ? service.grade : null;
  return {
    id: service.id,
    name: { en: service.nameEn, ja: service.nameJa },
    vendor: service.vendor,
    category: service.category,
    authMethod: service.authMethod,
    auth: service.auth,
    sso: hasSso(service.authMethod, service.declared),
    iac: hasIac(service.declared),
    // Any simulated data in what is shown makes the row sandbox: the label must never be missing.
    source: combineSources(grade?.source, ...(stats?.sources ?? [])),
    grade: grade
      ? {
          grade: grade.grade as GradeName,
          score: grade.score,
          scoreBeforeCaps: grade.scoreBeforeCaps,
          provisional: grade.provisional,
          coverage: grade.coverage,
          methodologyVersion: grade.methodologyVersion,
          computedAt: grade.computedAt.toISOString(),
          future: grade.future && isGrade(grade.future.grade) ? { ...grade.future, grade: grade.future.grade as GradeName } : null,
        }
      : null,
    window: windowView(stats, range),
    lastProbedAt: service.lastProbedAt?.toISOString() ?? null,
    packageEvidence: packageEvidenceView(packageRun),
    links: {
      self: `/api/v1/services/${encodeURIComponent(service.id)}`,
      html: `/services/${encodeURIComponent(service.id)}`,
      badge: `/api/v1/badge/${encodeURIComponent(service.id)}.svg`,
    },
    sparkline: sparkline(stats, range),
  };
}

function sparkline(stats: WindowStats | undefined, range: WindowRange): (number | null)[] {
  const byDay = new Map((stats?.daily ?? []).map((d) => [d.day, d.calls > 0 ? d.successes / d.calls : null]));
  return daysOf(range).map((day) => byDay.get(day) ?? null);
}

// The window's days, computed once per window rather than once per row (225 rows × 90 days of Date work).
const dayLists = new Map<string, string[]>();

function daysOf(range: WindowRange): string[] {
  const key = `${range.from}|${range.days}`;
  let days = dayLists.get(key);
  if (!days) {
    const start = Date.parse(`${range.from}T00:00:00Z`);
    days = Array.from({ length: range.days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    if (dayLists.size > 32) dayLists.clear();
    dayLists.set(key, days);
  }
  return days;
}
