// Grade bands as the methodology publishes them (KanseiLink's bands, v1): lowest score for each grade.
// Used to order and colour grades and to say how far the next band is when a snapshot does not say.

export const gradeOrder = ["AAA", "AA", "A", "BBB", "BB", "B", "C", "D"] as const;
export type GradeName = (typeof gradeOrder)[number];

export const gradeFloor: Record<GradeName, number> = { AAA: 90, AA: 80, A: 70, BBB: 60, BB: 50, B: 40, C: 30, D: 0 };

export function isGrade(value: unknown): value is GradeName {
  return typeof value === "string" && (gradeOrder as readonly string[]).includes(value);
}

/** 0 for AAA … 7 for D; ungraded sorts after D. */
export function gradeRank(grade: string | null | undefined): number {
  const i = gradeOrder.indexOf(grade as GradeName);
  return i === -1 ? gradeOrder.length : i;
}

export function gradeAbove(grade: GradeName): GradeName | null {
  const i = gradeOrder.indexOf(grade);
  return i <= 0 ? null : gradeOrder[i - 1]!;
}

/** Badge and chip colours: green for the top bands through red, chosen for contrast with white text. */
export const gradeColor: Record<GradeName, string> = {
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
