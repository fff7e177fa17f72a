// A stored grade in the API's shapes. The report is core's GradeReport, already parsed (and upgraded from
// older methodology versions) by the database's reader: this only lists the axes under their names, calls a
// fix's description its `title` as the API always has, and shows the next grade the scorer planned.
import { AxisName, isJudgedAxis, type GradeReport } from "@kensa/core";
import type { AxisView, CapView, FixView, FutureGradeView, NextGradeView } from "../api/schemas";

/** In the methodology's order; an axis the report's version does not judge (weight 0, no findings) is left out. */
export function axesView(report: GradeReport): AxisView[] {
  return AxisName.options.map((name) => ({ name, ...report.axes[name] })).filter(isJudgedAxis);
}

/** The grade under the staged methodology version, as the scorer computed it; null when none is staged. */
export function futureView(report: GradeReport): FutureGradeView | null {
  return report.future ?? null;
}

export function capsView(report: GradeReport): CapView[] {
  return report.caps;
}

export function fixesView(report: GradeReport): FixView[] {
  return report.fixes.map(({ description, ...fix }) => ({ ...fix, title: description }));
}

/** The next band and the smallest set of fixes reaching it, as the scorer planned them (core planNextGrade); none above AAA. */
export function nextGradeView(report: GradeReport): NextGradeView | null {
  if (report.nextGrade === null) return null;
  const { minScore: _minScore, ...next } = report.nextGrade;
  return { ...next, fixes: next.reachable ? fixesView(report) : [] };
}
