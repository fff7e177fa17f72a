// GradeReport: what the dashboard, the API and `kensa scan --json` show. Every number comes with where it
// came from: axis evidence status, each finding's points of its maximum, each cap's reason and limit.
import { z } from "zod";
import { capIds } from "./caps";
import { Coverage, CoverageReason } from "./coverage";
import { Grade } from "./grade";
import { AxisName } from "./methodology";

export const EvidenceStatus = z.enum(["observed", "declared", "not_tested"]);

export const Finding = z.object({
  id: z.string(),
  /** True when the item earned all its points. */
  ok: z.boolean(),
  /** False when the item could not be judged and is left out of its axis score. */
  scored: z.boolean(),
  evidence: EvidenceStatus,
  points: z.number(),
  maxPoints: z.number(),
  message: z.string(),
  /** What to change to earn the missing points (empty when nothing is missing). */
  fix: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const AxisReport = z.object({
  label: z.string(),
  /** 0–100, or null when nothing on this axis could be tested. */
  score: z.number().nullable(),
  /** Percent of the total the methodology gives this axis. */
  weight: z.number(),
  /** Percent it carried in this grade, after untested axes' weight moved. */
  effectiveWeight: z.number(),
  evidence: EvidenceStatus,
  /** Why the whole axis went untested for want of what the probe held (coverage.ts); null otherwise. */
  notTestedReason: CoverageReason.nullable(),
  facts: z.record(z.string(), z.json()),
  findings: z.array(Finding),
});
export type AxisReport = z.infer<typeof AxisReport>;

export const AppliedCapReport = z.object({
  id: z.enum(capIds),
  kind: z.enum(["cap", "floor"]),
  reason: z.string(),
  maxGrade: Grade,
  limit: z.number(),
  liftedBy: z.array(z.string()),
  /** The numbers in `reason` (e.g. { successes: 12, needed: 30 }), for renderings in other languages. */
  values: z.record(z.string(), z.number()),
});
export type AppliedCapReport = z.infer<typeof AppliedCapReport>;

export const FixReport = z.object({
  id: z.string(),
  axis: AxisName,
  description: z.string(),
  points: z.number(),
  liftsCaps: z.array(z.string()),
});
export type FixReport = z.infer<typeof FixReport>;

export const NextGradeReport = z.object({
  grade: Grade,
  minScore: z.number(),
  pointsNeeded: z.number(),
  reachable: z.boolean(),
  scoreAfterFixes: z.number(),
  blockedBy: z.array(z.string()),
});
export type NextGradeReport = z.infer<typeof NextGradeReport>;

/**
 * What the grade will be once the staged methodology version is current (as SSL Labs' futureGrade): same
 * evidence, the staged rules. Present only while a version is staged.
 */
export const FutureGrade = z.object({
  methodologyVersion: z.string(),
  /** The day the staged version is planned to become current (YYYY-MM-DD), when announced. */
  effectiveFrom: z.string().nullable(),
  grade: Grade,
  score: z.number(),
  scoreBeforeCaps: z.number(),
  provisional: z.boolean(),
  /** Per axis under the staged version: its score and the weight it carries. */
  axes: z.record(AxisName, z.object({ score: z.number().nullable(), weight: z.number(), effectiveWeight: z.number() })),
  caps: z.array(z.enum(capIds)),
  /** The staged version's new findings, judged on this evidence: what a vendor can act on before it lands. */
  newFindings: z.array(Finding),
});
export type FutureGrade = z.infer<typeof FutureGrade>;

export const GradeReport = z.object({
  methodologyVersion: z.string(),
  /** sha256 of the canonical evidence JSON: the same hash and version always give this report. */
  evidenceHash: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  grade: Grade,
  /** partial: graded on what could be observed without a working credential of ours (see coverageReasons). */
  coverage: Coverage,
  /** Empty when coverage is full. */
  coverageReasons: z.array(CoverageReason),
  /** After caps and floors. */
  score: z.number(),
  scoreBeforeCaps: z.number(),
  /** True when an evidence floor applies: more successful calls could change the grade. */
  provisional: z.boolean(),
  axes: z.record(AxisName, AxisReport),
  caps: z.array(AppliedCapReport),
  /** The smallest set of fixes reaching nextGrade, largest first. */
  fixes: z.array(FixReport),
  nextGrade: NextGradeReport.nullable(),
  /** Present while a next methodology version is staged. */
  future: FutureGrade.optional(),
});
export type GradeReport = z.infer<typeof GradeReport>;

/** An axis the methodology that computed the report judges (an axis a version does not judge yet has weight 0 and
 * no findings: it is shown only under the future grade). The one rule every rendering follows. */
export function isJudgedAxis(axis: Pick<AxisReport, "weight" | "findings">): boolean {
  return axis.weight > 0 || axis.findings.length > 0;
}
