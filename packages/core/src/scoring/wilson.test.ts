import { describe, expect, it } from "vitest";
import { interpolate, wilsonLowerBound } from "./wilson";

describe("wilsonLowerBound", () => {
  it.each<[number, number, number]>([
    [3, 3, 0.4385],
    [100, 100, 0.963],
    [191, 198, 0.9288],
    [103, 103, 0.9641],
    [9, 10, 0.5958],
    [0, 10, 0],
  ])("%d of %d supports at least %d", (k, n, expected) => {
    expect(wilsonLowerBound(k, n)).toBeCloseTo(expected, 3);
  });

  it("is 0 with no trials, and never above the observed rate", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    for (let n = 1; n <= 60; n++) for (let k = 0; k <= n; k++) expect(wilsonLowerBound(k, n)).toBeLessThanOrEqual(k / n + 1e-12);
  });

  it("falls with every failure added and rises with every success added", () => {
    for (let n = 1; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        expect(wilsonLowerBound(k, n + 1)).toBeLessThanOrEqual(wilsonLowerBound(k, n));
        expect(wilsonLowerBound(k + 1, n + 1)).toBeGreaterThanOrEqual(wilsonLowerBound(k, n));
      }
    }
  });

  it.each<[number, number]>([[4, 3], [-1, 3], [1.5, 3]])("refuses %d of %d", (k, n) => {
    expect(() => wilsonLowerBound(k, n)).toThrow(/whole numbers/);
  });
});

describe("interpolate", () => {
  const anchors = [[0.5, 0], [0.8, 0.5], [0.9, 0.85], [0.95, 1]] as const;
  it.each<[number, number]>([[0, 0], [0.5, 0], [0.65, 0.25], [0.8, 0.5], [0.925, 0.925], [0.95, 1], [1, 1]])("at %d gives %d", (x, y) => {
    expect(interpolate(anchors, x)).toBeCloseTo(y, 10);
  });
});
