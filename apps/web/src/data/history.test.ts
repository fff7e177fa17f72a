import { describe, expect, it } from "vitest";
import { emptyAggregate } from "@kensa/core";
import type { DailyPoint } from "@kensa/db";
import { bucketPoints } from "./history";

function day(d: string, calls: number, successes: number, histogram: Record<string, number>, errors: Record<string, number> = {}): DailyPoint {
  return { ...emptyAggregate(), serviceId: "s", day: d, calls, successes, vendorFailures: calls - successes, latencyHistogram: histogram, errorCounts: errors, gatewayCalls: 0, gatewaySuccesses: 0, sources: ["sandbox"], p50Ms: null, p95Ms: null, p99Ms: null, runs: 1 };
}

describe("history buckets", () => {
  const points = [
    day("2026-11-02", 10, 9, { "20": 9 }, { timeout: 1 }), // a Monday
    day("2026-11-03", 10, 10, { "30": 10 }),
    day("2026-11-09", 5, 0, {}, { server_error: 5 }), // the next Monday
  ];

  it("keeps days as they are", () => {
    const out = bucketPoints(points, "day", { from: "2026-11-01", to: "2026-11-30" });
    expect(out.map((p) => [p.start, p.end, p.calls, p.successRate])).toEqual([
      ["2026-11-02", "2026-11-02", 10, 0.9],
      ["2026-11-03", "2026-11-03", 10, 1],
      ["2026-11-09", "2026-11-09", 5, 0],
    ]);
  });

  it("merges ISO weeks, with percentiles from the merged histogram and error counts summed", () => {
    const [w1, w2] = bucketPoints(points, "week", { from: "2026-11-01", to: "2026-11-30" });
    expect(w1).toMatchObject({ start: "2026-11-02", end: "2026-11-08", calls: 20, successes: 19, errorCounts: { timeout: 1 } });
    // 19 samples, 9 in bucket 20 and 10 in bucket 30: the median and p95 fall in bucket 30.
    expect(w1!.p50Ms).toBeGreaterThan(w1!.p95Ms! / 2);
    expect(w1!.p95Ms).toBe(w1!.p99Ms);
    expect(w2).toMatchObject({ start: "2026-11-09", calls: 5, successRate: 0, p95Ms: null, errorCounts: { server_error: 5 } });
  });

  it("labels each bucket with every source behind it, so a week with one sandbox day is never shown as live only", () => {
    const live = { ...day("2026-11-04", 4, 4, { "20": 4 }), sources: ["live"] };
    const [w1, w2] = bucketPoints([...points.slice(0, 2), live, points[2]!], "week", { from: "2026-11-01", to: "2026-11-30" });
    expect(w1!.sources).toEqual(["live", "sandbox"]);
    expect(w2!.sources).toEqual(["sandbox"]);
    expect(bucketPoints([live], "day", { from: "2026-11-01", to: "2026-11-30" })[0]!.sources).toEqual(["live"]);
  });

  it("clips month buckets to the requested range", () => {
    const [m] = bucketPoints(points, "month", { from: "2026-11-02", to: "2026-11-20" });
    expect(m).toMatchObject({ start: "2026-11-02", end: "2026-11-20", calls: 25 });
  });
});
