import { describe, expect, it } from "vitest";
import { addLatency, bucketOf, bucketValue, mergeHistograms, percentile, type LatencyHistogram } from "./latency-histogram";

describe("latency histogram", () => {
  it.each([0, 0.1, 1, 7.5, 100, 1234.5, 60_000])("bucket of %d ms holds it within 9%%", (ms) => {
    if (ms <= 0.25) return expect(bucketOf(ms)).toBe(0);
    const value = bucketValue(bucketOf(ms));
    expect(Math.abs(value - ms) / ms).toBeLessThan(0.09);
  });

  it("percentiles follow nearest rank over the buckets", () => {
    const h: LatencyHistogram = {};
    for (let ms = 1; ms <= 100; ms++) addLatency(h, ms);
    expect(percentile(h, 0.5)).toBeCloseTo(50, -1);
    expect(percentile(h, 0.95)!).toBeGreaterThan(85);
    expect(percentile(h, 0.95)!).toBeLessThan(104);
    expect(percentile(h, 0.99)!).toBeGreaterThanOrEqual(percentile(h, 0.95)!);
    expect(percentile({}, 0.5)).toBeNull();
  });

  it("merging daily histograms gives the same percentiles as one histogram of all samples", () => {
    const all: LatencyHistogram = {};
    const days: LatencyHistogram[] = [{}, {}, {}];
    for (let i = 0; i < 3000; i++) {
      const ms = (i * 7919) % 997;
      addLatency(all, ms);
      addLatency(days[i % 3]!, ms);
    }
    const merged = days.reduce((into, day) => mergeHistograms(into, day), {} as LatencyHistogram);
    expect(merged).toEqual(all);
    expect(percentile(merged, 0.95)).toBe(percentile(all, 0.95));
  });
});
