// The grade of one scan, from the same classifier and scoring the workers use. Until the scoring
// methodology lands in @kensa/core the grade fields exist but are null and marked provisional.
import type { ProbeRunRecord } from "@kensa/core";

export interface ScanGrade {
  methodologyVersion: string | null;
  grade: string | null;
  score: number | null;
  scoreBeforeCaps: number | null;
  provisional: boolean;
  caps: { id: string; kind?: string; reason: string; maxGrade: string; limit: number }[];
  axes: Record<string, { label?: string; score: number | null; evidence: string }>;
  fixes: { id?: string; axis?: string; description: string; points: number }[];
  nextGrade?: unknown;
  note?: string;
}

export function gradeScan(_run: ProbeRunRecord): ScanGrade {
  return {
    methodologyVersion: null,
    grade: null,
    score: null,
    scoreBeforeCaps: null,
    provisional: true,
    caps: [],
    axes: {},
    fixes: [],
    note: "grading is not available in this build yet: the scoring methodology has not landed",
  };
}
