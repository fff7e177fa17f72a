import { describe, expect, it } from "vitest";
import { profileLibrary } from "@kensa/core";
import { CallDraws, injectedFailureRate } from "./call-draws";

const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

describe("CallDraws", () => {
  it("draws latencies with the profile's median and 95th percentile", () => {
    const profile = { ...profileLibrary["oauth-standard"], latency: { medianMs: 60, p95Ms: 250 } };
    const draws = new CallDraws(3, "svc", "direct", profile, 1);
    const samples = Array.from({ length: 20_000 }, () => draws.next(false).latencyMs).sort((a, b) => a - b);
    expect(quantile(samples, 0.5)).toBeGreaterThan(60 * 0.93);
    expect(quantile(samples, 0.5)).toBeLessThan(60 * 1.07);
    expect(quantile(samples, 0.95)).toBeGreaterThan(250 * 0.9);
    expect(quantile(samples, 0.95)).toBeLessThan(250 * 1.1);
  });

  it("injects each class at its rate, scaled, and only into tool calls", () => {
    const profile = { ...profileLibrary["api-key-flaky"], failureScale: 1.5 };
    const draws = new CallDraws(5, "svc", "direct", profile, 0);
    const n = 40_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const failure = draws.next(true).failure;
      if (failure) counts.set(failure, (counts.get(failure) ?? 0) + 1);
    }
    for (const [cls, rate] of Object.entries(profile.failures)) {
      const p = rate! * 1.5;
      const sigma = Math.sqrt(n * p * (1 - p));
      expect(Math.abs((counts.get(cls) ?? 0) - n * p), cls).toBeLessThan(5 * sigma);
    }
    expect(injectedFailureRate(profile)).toBeCloseTo(0.14 * 1.5, 5);
    expect(Array.from({ length: 1000 }, () => draws.next(false).failure).every((f) => f === null)).toBe(true);
  });

  it("is deterministic per (seed, service, path) and independent across them", () => {
    const profile = profileLibrary["api-key-flaky"];
    const run = (seed: number, id: string, path: string) => {
      const draws = new CallDraws(seed, id, path, profile, 1);
      return Array.from({ length: 200 }, () => JSON.stringify(draws.next(true)));
    };
    expect(run(1, "a", "direct")).toEqual(run(1, "a", "direct"));
    expect(run(1, "a", "direct")).not.toEqual(run(2, "a", "direct"));
    expect(run(1, "a", "direct")).not.toEqual(run(1, "b", "direct"));
    expect(run(1, "a", "direct")).not.toEqual(run(1, "a", "gateway"));
  });
});
