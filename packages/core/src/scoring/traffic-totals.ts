// Traffic summed over both paths: reliability and the rate-based items judge the vendor on every call.
import type { TrafficCounts } from "../rollup/step-aggregate";
import type { ErrorClass } from "../taxonomy/error-classes";
import { allErrorClasses } from "../taxonomy/error-classes";
import type { GradeEvidence, PathTraffic } from "./evidence";

export type TrafficTotals = TrafficCounts;

export function trafficTotals(e: GradeEvidence): TrafficTotals {
  const paths = [e.traffic.direct, e.traffic.gateway].filter((p): p is PathTraffic => p !== undefined);
  const totals: TrafficTotals = { calls: 0, successes: 0, vendorFailures: 0, clientFailures: 0, intermediaryFailures: 0, errorCounts: {} };
  for (const p of paths) {
    totals.calls += p.calls;
    totals.successes += p.successes;
    totals.vendorFailures += p.vendorFailures;
    totals.clientFailures += p.clientFailures;
    totals.intermediaryFailures += p.intermediaryFailures;
    for (const cls of allErrorClasses) {
      const n = p.errorCounts[cls];
      if (n) totals.errorCounts[cls] = (totals.errorCounts[cls] ?? 0) + n;
    }
  }
  return totals;
}

export function countOf(counts: Partial<Record<ErrorClass, number>>, ...classes: ErrorClass[]): number {
  return classes.reduce((sum, cls) => sum + (counts[cls] ?? 0), 0);
}

/** "server_error ×2, timeout ×1" in taxonomy order; "none" when empty. */
export function describeCounts(counts: Partial<Record<ErrorClass, number>>): string {
  const parts = allErrorClasses.filter((cls) => counts[cls]).map((cls) => `${cls} ×${counts[cls]}`);
  return parts.length === 0 ? "none" : parts.join(", ");
}
