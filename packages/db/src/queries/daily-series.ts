// A service's history as daily points: the day's rollup rows (one per path) merged into one, percentiles
// recomputed from the merged histogram. Charts, the history API and compare read this, never raw steps.
import { emptyAggregate, latencyPercentiles, mergeAggregates, type ErrorClass, type StepAggregate } from "@kensa/core";
import type { Database } from "../open-database";
import { dayString } from "./record-runs";

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
  const rows = await db.prisma.$queryRawUnsafe<Row[]>(
    `SELECT service_id, day, path, source, runs, calls, successes, vendor_failures, client_failures, intermediary_failures,
            error_counts, latency_histogram
     FROM daily_rollup WHERE service_id = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date
     ORDER BY service_id, day`,
    [...serviceIds],
    range.from,
    range.to,
  );
  const points: DailyPoint[] = [];
  let current: DailyPoint | undefined;
  for (const r of rows) {
    const day = dayString(r.day);
    if (!current || current.serviceId !== r.service_id || current.day !== day) {
      current = { serviceId: r.service_id, day, gatewayCalls: 0, gatewaySuccesses: 0, sources: [], p50Ms: null, p95Ms: null, p99Ms: null, ...emptyAggregate() };
      points.push(current);
    }
    mergeAggregates(current, {
      runs: r.runs,
      calls: r.calls,
      successes: r.successes,
      vendorFailures: r.vendor_failures,
      clientFailures: r.client_failures,
      intermediaryFailures: r.intermediary_failures,
      errorCounts: r.error_counts as Partial<Record<ErrorClass, number>>,
      latencyHistogram: r.latency_histogram as Record<string, number>,
    });
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

interface Row {
  service_id: string;
  day: Date | string;
  path: string;
  source: string;
  runs: number;
  calls: number;
  successes: number;
  vendor_failures: number;
  client_failures: number;
  intermediary_failures: number;
  error_counts: unknown;
  latency_histogram: unknown;
}
