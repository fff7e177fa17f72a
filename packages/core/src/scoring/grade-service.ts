// gradeService: GradeEvidence → GradeReport. Pure and deterministic: the same evidence and methodology
// version give the same report, bit for bit. While a next version is staged, the report also carries what
// the grade will be under it (`future`), computed from the same evidence.
import { assessAudit } from "./axes/audit";
import { assessAuth } from "./axes/auth";
import { assessGateway } from "./axes/gateway";
import { assessPortability } from "./axes/portability";
import { assessReliability } from "./axes/reliability";
import { assessTools } from "./axes/tools";
import { applicableCaps, scoreAfterCaps, type AppliedCap } from "./caps";
import { protocolCaps12 } from "./caps-1-2-protocol";
import { protocolItems12 } from "./items-1-2-protocol";
import { gradeCoverage, untestedAxesOf } from "./coverage";
import { GradeEvidence } from "./evidence";
import { evidenceHash } from "./evidence-hash";
import { planNextGrade } from "./fixes";
import { gradeForScore, roundScore, type Grade } from "./grade";
import type { AxisReport, Finding, FutureGrade, GradeReport } from "./grade-report";
import { capInEffect, itemInEffect, itemSince } from "./item-versions";
import type { AxisAssessment, Item } from "./items";
import { AxisName, axisLabels, currentMethodology, stagedMethodology, type Methodology } from "./methodology";
import { scoreAxes, weightedTotal, type AxisTotal } from "./score-total";
import { versionBefore } from "./version-order";
import { KensaError } from "../errors/kensa-error";

const assessors: Record<AxisName, (e: GradeEvidence) => AxisAssessment> = {
  reliability: assessReliability,
  auth: assessAuth,
  gateway: assessGateway,
  audit: assessAudit,
  portability: assessPortability,
  tools: assessTools,
};

export interface GradeOptions {
  /** Defaults to the current version. */
  methodology?: Methodology;
  /** The version whose future grade the report carries; defaults to the staged one when grading under the current. */
  staged?: Methodology | null;
}

export function gradeService(input: GradeEvidence, options: GradeOptions = {}): GradeReport {
  const parsed = GradeEvidence.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${["evidence", ...i.path].join(".")}: ${i.message}`);
    throw new KensaError("bad_request", `invalid grading evidence — ${issues.join("; ")}`, { issues });
  }
  const evidence = parsed.data;
  const methodology = options.methodology ?? currentMethodology;
  const staged = options.staged !== undefined ? options.staged : methodology === currentMethodology ? stagedMethodology : null;
  const assessed = Object.fromEntries(AxisName.options.map((axis) => [axis, assessors[axis](evidence)])) as Record<AxisName, AxisAssessment>;
  // The MCP 2026-07-28 items join their axes here; item-versions.ts keeps them out of grades before 1.2.0.
  for (const item of protocolItems12(evidence)) assessed[item.axis].items.push(item);
  const now = gradeUnder(evidence, assessed, methodology);
  const coverage = gradeCoverage(evidence);
  const notTestedReason = (axis: AxisName) => coverage.reasons.find((r) => untestedAxesOf[r].some((a) => a === axis)) ?? null;
  const { fixes, nextGrade } = planNextGrade(now.items, now.caps, now.score, now.grade, methodology.axisWeights);
  const axes = Object.fromEntries(
    AxisName.options.map((axis): [AxisName, AxisReport] => [axis, {
      label: axisLabels[axis],
      score: now.totals[axis].score,
      weight: methodology.axisWeights[axis],
      effectiveWeight: now.totals[axis].effectiveWeight,
      evidence: now.totals[axis].evidence,
      notTestedReason: notTestedReason(axis),
      // An axis the version does not judge shows no facts either: nothing on it counts yet.
      facts: methodology.axisWeights[axis] === 0 ? {} : assessed[axis].facts,
      findings: now.items.filter((i) => i.axis === axis).map(findingOf),
    }]),
  ) as Record<AxisName, AxisReport>;
  return {
    methodologyVersion: methodology.version,
    evidenceHash: evidenceHash(evidence),
    window: evidence.window,
    grade: now.grade,
    coverage: coverage.coverage,
    coverageReasons: coverage.reasons,
    score: now.score,
    scoreBeforeCaps: now.scoreBeforeCaps,
    provisional: now.caps.some((c) => c.kind === "floor"),
    axes,
    caps: now.caps,
    fixes,
    nextGrade,
    ...(staged ? { future: futureGrade(evidence, assessed, methodology, staged) } : {}),
  };
}

interface Graded {
  items: Item[];
  totals: Record<AxisName, AxisTotal>;
  caps: AppliedCap[];
  scoreBeforeCaps: number;
  score: number;
  grade: Grade;
}

function gradeUnder(evidence: GradeEvidence, assessed: Record<AxisName, AxisAssessment>, methodology: Methodology): Graded {
  const items = AxisName.options.flatMap((axis) => assessed[axis].items).filter((i) => itemInEffect(i, methodology));
  const totals = scoreAxes(items, methodology.axisWeights);
  const scoreBeforeCaps = weightedTotal(totals);
  const caps = [...applicableCaps(evidence, items), ...protocolCaps12(evidence, items)].filter((c) => capInEffect(c, methodology));
  const score = roundScore(scoreAfterCaps(scoreBeforeCaps, caps));
  return { items, totals, caps, scoreBeforeCaps, score, grade: gradeForScore(score) };
}

function futureGrade(evidence: GradeEvidence, assessed: Record<AxisName, AxisAssessment>, current: Methodology, staged: Methodology): FutureGrade {
  const next = gradeUnder(evidence, assessed, staged);
  const isNew = (i: Item) => versionBefore(current.version, itemSince(i.id));
  return {
    methodologyVersion: staged.version,
    effectiveFrom: staged.effectiveFrom,
    grade: next.grade,
    score: next.score,
    scoreBeforeCaps: next.scoreBeforeCaps,
    provisional: next.caps.some((c) => c.kind === "floor"),
    axes: Object.fromEntries(AxisName.options.map((axis) => [axis, {
      score: next.totals[axis].score, weight: staged.axisWeights[axis], effectiveWeight: next.totals[axis].effectiveWeight,
    }])) as FutureGrade["axes"],
    caps: next.caps.map((c) => c.id),
    newFindings: next.items.filter(isNew).map(findingOf),
  };
}

function findingOf(i: Item): Finding {
  return {
    id: i.id, ok: i.scored && i.points === i.maxPoints, scored: i.scored, evidence: i.evidence,
    points: i.points, maxPoints: i.maxPoints, message: i.message, fix: i.points === i.maxPoints ? "" : i.fix,
  };
}
