// Grades as pages show them: the order and bands are core's (@kensa/core Grade, gradeBands); what is added
// here is presentation only — where ungraded sorts, and the colours of badges and chips.
import { Grade, gradeOrder, gradeRank as bandRank } from "@kensa/core";

export type GradeName = Grade;

export { gradeOrder };

export function isGrade(value: unknown): value is Grade {
  return Grade.safeParse(value).success;
}

/** 0 for AAA … 7 for D; ungraded sorts after D. */
export function gradeRank(grade: string | null | undefined): number {
  return isGrade(grade) ? bandRank(grade) : gradeOrder.length;
}

/** Badge and chip colours: green for the top bands through red, chosen for contrast with white text. */
export const gradeColor: Record<Grade, string> = {
  AAA: "#1a7f37",
  AA: "#2f8132",
  A: "#4d7c0f",
  BBB: "#8a6d00",
  BB: "#b35900",
  B: "#c2410c",
  C: "#b91c1c",
  D: "#7f1d1d",
};

export const ungradedColor = "#57606a";
