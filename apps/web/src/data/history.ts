// A service's history in day, week or month buckets, merged from daily rollups with the same core
// functions the ingest uses, so a week's p95 comes from the week's histogram (not an average of days).
import { emptyAggregate, latencyPercentiles, listSources, mergeAggregates, type StepAggregate } from "@kensa/core";
import { readDailySeries, type Database, type DailyPoint } from "@kensa/db";
import type { HistoryPoint } from "../api/schemas";
import { addDays, monthStart, weekStart } from "../lib/days";

export type Granularity = "day" | "week" | "month";

export async function loadHistory(db: Database, serviceId: string, range: { from: string; to: string }, granularity: Granularity): Promise<HistoryPoint[]> {
  return bucketPoints(await readDailySeries(db, [serviceId], range), granularity, range);
}

export function bucketPoints(points: readonly DailyPoint[], granularity: Granularity, range: { from: string; to: string }): HistoryPoint[] {
  const buckets = new Map<string, { start: string; end: string; agg: StepAggregate; sources: string[] }>();
  for (const p of points) {
    const start = bucketStart(p.day, granularity);
    let b = buckets.get(start);
    if (!b) buckets.set(start, (b = { start: maxDay(start, range.from), end: minDay(bucketEnd(start, granularity), range.to), agg: emptyAggregate(), sources: [] }));
    mergeAggregates(b.agg, p);
    b.sources.push(...p.sources);
  }
  return [...buckets.values()].map(({ start, end, agg, sources }) => {
    const { p50, p95, p99 } = latencyPercentiles(agg);
    return {
      start,
      end,
      calls: agg.calls,
      successes: agg.successes,
      successRate: agg.calls > 0 ? agg.successes / agg.calls : null,
      vendorFailures: agg.vendorFailures,
      clientFailures: agg.clientFailures,
      intermediaryFailures: agg.intermediaryFailures,
      errorCounts: agg.errorCounts,
      p50Ms: p50,
      p95Ms: p95,
      p99Ms: p99,
      sources: listSources(sources),
    };
  });
}

function bucketStart(day: string, g: Granularity): string {
  return g === "day" ? day : g === "week" ? weekStart(day) : monthStart(day);
}

function bucketEnd(start: string, g: Granularity): string {
  if (g === "day") return start;
  if (g === "week") return addDays(start, 6);
  const d = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);
