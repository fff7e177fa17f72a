// gradeService: GradeEvidence → GradeReport. Pure and deterministic: the same evidence and methodology
// version give the same report, bit for bit.
import { assessAudit } from "./axes/audit";
import { assessAuth } from "./axes/auth";
import { assessGateway } from "./axes/gateway";
import { assessPortability } from "./axes/portability";
import { assessReliability } from "./axes/reliability";
import { applicableCaps, scoreAfterCaps } from "./caps";
import { gradeCoverage, untestedAxesOf } from "./coverage";
import { GradeEvidence } from "./evidence";
import { evidenceHash } from "./evidence-hash";
import { planNextGrade } from "./fixes";
import { gradeForScore, roundScore } from "./grade";
import type { AxisReport, GradeReport } from "./grade-report";
import type { AxisAssessment } from "./items";
import { AxisName, axisLabels, axisWeights, METHODOLOGY_VERSION } from "./methodology";
import { scoreAxes, weightedTotal } from "./score-total";
import { KensaError } from "../errors/kensa-error";

const assessors: Record<AxisName, (e: GradeEvidence) => AxisAssessment> = {
  reliability: assessReliability,
  auth: assessAuth,
  gateway: assessGateway,
  audit: assessAudit,
  portability: assessPortability,
};

export function gradeService(input: GradeEvidence): GradeReport {
  const parsed = GradeEvidence.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${["evidence", ...i.path].join(".")}: ${i.message}`);
    throw new KensaError("bad_request", `invalid grading evidence — ${issues.join("; ")}`, { issues });
  }
  const evidence = parsed.data;
  const assessed = Object.fromEntries(AxisName.options.map((axis) => [axis, assessors[axis](evidence)])) as Record<AxisName, AxisAssessment>;
  const items = AxisName.options.flatMap((axis) => assessed[axis].items);
  const totals = scoreAxes(items);
  const scoreBeforeCaps = weightedTotal(totals);
  const caps = applicableCaps(evidence, items);
  const coverage = gradeCoverage(evidence);
  const notTestedReason = (axis: AxisName) => coverage.reasons.find((r) => untestedAxesOf[r].some((a) => a === axis)) ?? null;
  const score = roundScore(scoreAfterCaps(scoreBeforeCaps, caps));
  const grade = gradeForScore(score);
  const { fixes, nextGrade } = planNextGrade(items, caps, score, grade);
  const axes = Object.fromEntries(
    AxisName.options.map((axis): [AxisName, AxisReport] => [axis, {
      label: axisLabels[axis],
      score: totals[axis].score,
      weight: axisWeights[axis],
      effectiveWeight: totals[axis].effectiveWeight,
      evidence: totals[axis].evidence,
      notTestedReason: notTestedReason(axis),
      facts: assessed[axis].facts,
      findings: assessed[axis].items.map((i) => ({
        id: i.id, ok: i.scored && i.points === i.maxPoints, scored: i.scored, evidence: i.evidence,
        points: i.points, maxPoints: i.maxPoints, message: i.message, fix: i.points === i.maxPoints ? "" : i.fix,
      })),
    }]),
  ) as Record<AxisName, AxisReport>;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    evidenceHash: evidenceHash(evidence),
    window: evidence.window,
    grade,
    coverage: coverage.coverage,
    coverageReasons: coverage.reasons,
    score,
    scoreBeforeCaps,
    provisional: caps.some((c) => c.kind === "floor"),
    axes,
    caps,
    fixes,
    nextGrade,
  };
}
