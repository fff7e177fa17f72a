// "To reach the next grade": the smallest set of findings whose fix reaches the next band, computed.
// Each fix is worth what the total gains when that item earns all its points. Caps that block the band
// need one of their lifting items; a floor cannot be fixed (it needs more evidence) and is reported as such.
// Gains add up, so for each choice of cap lifters, taking the largest gains first gives the fewest fixes.
import type { AppliedCap } from "./caps";
import { betterGrade, minScoreOf, roundScore, type Grade } from "./grade";
import type { Item } from "./items";
import { axisWeights as currentWeights, type AxisName } from "./methodology";
import { totalWithFixed as totalWith } from "./score-total";

export interface Fix {
  id: string;
  axis: AxisName;
  description: string;
  /** Points the total gains from this fix alone. */
  points: number;
  liftsCaps: string[];
}

export interface NextGrade {
  grade: Grade;
  minScore: number;
  pointsNeeded: number;
  /** True when the listed fixes alone reach the grade. */
  reachable: boolean;
  /** The score after the listed fixes, with every cap they do not lift. */
  scoreAfterFixes: number;
  blockedBy: string[];
}

export function planNextGrade(
  items: readonly Item[], caps: readonly AppliedCap[], score: number, grade: Grade, weights: Readonly<Record<AxisName, number>> = currentWeights,
): { fixes: Fix[]; nextGrade: NextGrade | null } {
  const totalWithFixed = (list: readonly Item[], fixed: ReadonlySet<string>) => totalWith(list, fixed, weights);
  const target = betterGrade(grade);
  if (target === undefined) return { fixes: [], nextGrade: null };
  const minScore = minScoreOf(target);
  const base = totalWithFixed(items, new Set());
  const candidates = items.filter((i) => i.scored && i.points < i.maxPoints && i.fix !== "");
  const gain = new Map(candidates.map((i) => [i.id, roundScore(totalWithFixed(items, new Set([i.id])) - base)]));
  const blocking = caps.filter((c) => c.limit < minScore);
  const liftersOf = (c: AppliedCap) => c.liftedBy.filter((id) => gain.has(id));
  const unliftable = blocking.filter((c) => liftersOf(c).length === 0);
  const liftable = blocking.filter((c) => liftersOf(c).length > 0);
  const capsAfter = (chosen: ReadonlySet<string>) => caps.filter((c) => !c.liftedBy.some((id) => chosen.has(id)));
  const limitOf = (list: readonly AppliedCap[], pre: number) => list.reduce((s, c) => Math.min(s, c.limit), pre);

  let best: { chosen: Set<string>; reached: boolean; score: number } | undefined;
  for (const lifters of choices(liftable.map(liftersOf))) {
    const chosen = new Set(lifters);
    const rest = candidates.filter((i) => !chosen.has(i.id)).sort((a, b) => gain.get(b.id)! - gain.get(a.id)! || (a.id < b.id ? -1 : 1));
    const reachedScore = () => limitOf(capsAfter(chosen).filter((c) => !unliftable.includes(c)), totalWithFixed(items, chosen));
    while (reachedScore() < minScore && rest.length > 0) chosen.add(rest.shift()!.id);
    const option = { chosen, reached: reachedScore() >= minScore, score: reachedScore() };
    if (best === undefined || better(option, best)) best = option;
  }
  const chosen = best?.chosen ?? new Set<string>();
  const fixes = candidates
    .filter((i) => chosen.has(i.id))
    .map((i) => ({ id: i.id, axis: i.axis, description: i.fix, points: gain.get(i.id)!, liftsCaps: caps.filter((c) => c.liftedBy.includes(i.id)).map((c) => c.id) }))
    .sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1));
  const scoreAfterFixes = roundScore(limitOf(capsAfter(chosen), totalWithFixed(items, chosen)));
  const blockedBy = unliftable.map((c) => c.reason);
  if (best !== undefined && !best.reached) blockedBy.push(`Fixing every finding reaches only ${roundScore(best.score)}.`);
  return {
    fixes,
    nextGrade: { grade: target, minScore, pointsNeeded: roundScore(Math.max(0, minScore - score)), reachable: blockedBy.length === 0, scoreAfterFixes, blockedBy },
  };
}

function better(a: { chosen: Set<string>; reached: boolean; score: number }, b: typeof a): boolean {
  if (a.reached !== b.reached) return a.reached;
  if (a.chosen.size !== b.chosen.size) return a.chosen.size < b.chosen.size;
  if (a.score !== b.score) return a.score > b.score;
  return [...a.chosen].sort().join() < [...b.chosen].sort().join();
}

/** Every way of picking one item per list (the cartesian product); one empty pick when there are no lists. */
function choices(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((picked) => list.map((id) => [...picked, id])), [[]]);
}
