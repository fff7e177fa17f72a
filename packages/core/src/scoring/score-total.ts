// From items to axis scores to the weighted total. An axis scores 100 × earned / available over its
// scored items; an axis with none is untested and its weight moves (gateway → reliability, any other
// → spread over the tested axes). Scores are rounded to one decimal before they are weighted.
import { roundScore } from "./grade";
import type { EvidenceStatus, Item } from "./items";
import { AxisName, axisWeights as currentWeights } from "./methodology";

type Weights = Readonly<Record<AxisName, number>>;

export interface AxisTotal {
  score: number | null;
  evidence: EvidenceStatus;
  /** Percent of the total this axis carried after untested weight moved. */
  effectiveWeight: number;
}

export function scoreAxes(items: readonly Item[], axisWeights: Weights = currentWeights): Record<AxisName, AxisTotal> {
  const raw = Object.fromEntries(AxisName.options.map((axis) => [axis, axisScore(items.filter((i) => i.axis === axis))])) as Record<AxisName, Omit<AxisTotal, "effectiveWeight">>;
  const weights = { ...axisWeights };
  if (raw.gateway.score === null) {
    weights.reliability += weights.gateway;
    weights.gateway = 0;
  }
  const tested = AxisName.options.filter((axis) => raw[axis].score !== null);
  const testedWeight = tested.reduce((sum, axis) => sum + weights[axis], 0);
  return Object.fromEntries(
    AxisName.options.map((axis) => {
      const effective = raw[axis].score === null || testedWeight === 0 ? 0 : (weights[axis] * 100) / testedWeight;
      return [axis, { ...raw[axis], effectiveWeight: roundScore(effective) }];
    }),
  ) as Record<AxisName, AxisTotal>;
}

function axisScore(items: readonly Item[]): Omit<AxisTotal, "effectiveWeight"> {
  const counted = items.filter((i) => i.scored);
  if (counted.length === 0) return { score: null, evidence: "not_tested" };
  const earned = counted.reduce((sum, i) => sum + i.points, 0);
  const available = counted.reduce((sum, i) => sum + i.maxPoints, 0);
  const evidence: EvidenceStatus = counted.some((i) => i.evidence === "observed") ? "observed" : counted.some((i) => i.evidence === "declared") ? "declared" : "not_tested";
  return { score: roundScore((100 * earned) / available), evidence };
}

export function weightedTotal(axes: Record<AxisName, AxisTotal>): number {
  let total = 0;
  for (const axis of AxisName.options) total += ((axes[axis].score ?? 0) * axes[axis].effectiveWeight) / 100;
  return roundScore(total);
}

/** The total if the named items earned all their points: what a fix is worth. */
export function totalWithFixed(items: readonly Item[], fixed: ReadonlySet<string>, weights: Weights = currentWeights): number {
  return weightedTotal(scoreAxes(items.map((i) => (fixed.has(i.id) ? { ...i, points: i.maxPoints } : i)), weights));
}
