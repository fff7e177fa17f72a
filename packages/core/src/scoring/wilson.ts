// The Wilson score interval's lower bound: how high a success rate the evidence supports with 95%
// confidence. 3 of 3 supports only 44%; 200 of 200 supports 98%. That is why 3 lucky calls never earn AAA.
import { wilsonZ } from "./methodology";

export function wilsonLowerBound(successes: number, trials: number, z = wilsonZ): number {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonLowerBound needs whole numbers 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
  }
  if (successes === 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return Math.max(0, (centre - margin) / (1 + z2 / trials));
}

/** Piecewise-linear map through (x, y) anchors sorted by x; flat outside them. */
export function interpolate(anchors: readonly (readonly [number, number])[], x: number): number {
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i]!;
    const [x0, y0] = anchors[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
