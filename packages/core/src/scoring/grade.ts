// Grade bands as KanseiLink publishes them: AAA ≥ 90, AA ≥ 80 … C ≥ 30, D below. Scores carry one decimal,
// so the highest score of a band is the next band's minimum minus 0.1.
import { z } from "zod";

/** Best first: the one grade order the scorer, the dashboard and `kensa scan --fail-under` use. */
export const gradeOrder = ["AAA", "AA", "A", "BBB", "BB", "B", "C", "D"] as const;

export const Grade = z.enum(gradeOrder);
export type Grade = z.infer<typeof Grade>;

/** The lowest score of each band. */
const minScores: Record<Grade, number> = { AAA: 90, AA: 80, A: 70, BBB: 60, BB: 50, B: 40, C: 30, D: 0 };

/** Best first. */
export const gradeBands: readonly { grade: Grade; minScore: number }[] = gradeOrder.map((grade) => ({ grade, minScore: minScores[grade] }));

export function gradeForScore(score: number): Grade {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`a score is a number from 0 to 100, got ${score}`);
  return gradeBands.find((band) => score >= band.minScore)!.grade;
}

/** 0 for AAA, 7 for D: a lower rank is a better grade. */
export function gradeRank(grade: Grade): number {
  return gradeBands.findIndex((band) => band.grade === grade);
}

export function minScoreOf(grade: Grade): number {
  return gradeBands[gradeRank(grade)]!.minScore;
}

/** The highest score a grade allows (a cap "at most AA" is 89.9). */
export function maxScoreOf(grade: Grade): number {
  const rank = gradeRank(grade);
  return rank === 0 ? 100 : roundScore(gradeBands[rank - 1]!.minScore - 0.1);
}

export function betterGrade(grade: Grade): Grade | undefined {
  const rank = gradeRank(grade);
  return rank === 0 ? undefined : gradeBands[rank - 1]!.grade;
}

/** One decimal, halves up. The nudge keeps 83.35 (stored as 83.34999…) from rounding down. */
export function roundScore(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}
