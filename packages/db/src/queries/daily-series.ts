// A service's history as daily points: the day's rollup rows (one per path) merged into one, percentiles
// recomputed from the merged histogram. Charts, the history API and compare read this, never raw steps.
import { emptyAggregate, latencyPercentiles, mergeAggregates, type StepAggregate } from "@kensa/core";
import type { Database } from "../open-database";
import { readRollups } from "./rollups";

export interface DailyPoint extends StepAggregate {
  serviceId: string;
  day: string;
  /** Traffic through the reference gateway that day (the rest went direct). */
  gatewayCalls: number;
  gatewaySuccesses: number;
  sources: string[];
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export async function readDailySeries(db: Database, serviceIds: readonly string[], range: { from: string; to: string }): Promise<DailyPoint[]> {
  if (serviceIds.length === 0) return [];
  const rows = await readRollups(db, { ...range, serviceIds });
  const points: DailyPoint[] = [];
  let current: DailyPoint | undefined;
  for (const r of rows) {
    if (!current || current.serviceId !== r.serviceId || current.day !== r.day) {
      current = { serviceId: r.serviceId, day: r.day, gatewayCalls: 0, gatewaySuccesses: 0, sources: [], p50Ms: null, p95Ms: null, p99Ms: null, ...emptyAggregate() };
      points.push(current);
    }
    mergeAggregates(current, r);
    if (r.path === "gateway") {
      current.gatewayCalls += r.calls;
      current.gatewaySuccesses += r.successes;
    }
    if (!current.sources.includes(r.source)) current.sources.push(r.source);
  }
  for (const p of points) {
    const { p50, p95, p99 } = latencyPercentiles(p);
    p.p50Ms = p50;
    p.p95Ms = p95;
    p.p99Ms = p99;
  }
  return points;
}
