import { describe, expect, it } from "vitest";
import { AxisName, parseStoredGradeReport, sampleCappedReport, type GradeReport } from "@kensa/core";
import { z } from "zod";
import { Axis, Cap, Fix, NextGrade } from "../api/schemas";
import { axesView, capsView, fixesView, nextGradeView } from "./grade-view";

const realReport = sampleCappedReport;

describe("showing the scorer's own GradeReport", () => {
  const report = realReport();

  it("shows every axis the report's methodology judges, with label, percent weights, evidence status and scored findings", () => {
    const axes = z.array(Axis).parse(axesView(report));
    const judged = Object.entries(report.axes).filter(([, a]) => a.weight > 0).map(([name]) => name);
    expect(axes.map((a) => a.name).sort()).toEqual(judged.sort());
    const reliability = axes.find((a) => a.name === "reliability")!;
    expect(reliability.weight).toBe(report.axes.reliability.weight);
    expect(reliability.weight).toBeGreaterThan(1);
    expect(reliability.findings.every((f) => typeof f.maxPoints === "number" && typeof f.scored === "boolean")).toBe(true);
  });

  it("shows the caps it applied, and the next grade as the scorer planned it", () => {
    expect(report.caps.length).toBeGreaterThan(0);
    const caps = z.array(Cap).parse(capsView(report));
    expect(caps.map((c) => c.id)).toEqual(report.caps.map((c) => c.id));
    expect(caps.every((c) => c.kind !== null && c.limit !== null)).toBe(true);
    const next = nextGradeView(report);
    expect(next).not.toBeNull();
    const view = NextGrade.parse(next);
    expect(view.grade).toBe(report.nextGrade!.grade);
    expect(view.reachable).toBe(report.nextGrade!.reachable);
    expect(view.fixes.map((f) => f.id)).toEqual(view.reachable ? report.fixes.map((f) => f.id) : []);
  });
});

describe("showing a stored grade", () => {
  // What the database's reader hands the page: stored JSON read back by core's parser.
  const stored = (report: GradeReport) => parseStoredGradeReport(JSON.parse(JSON.stringify(report)), report.methodologyVersion);
  const report = realReport();

  it("lists the axes under their names in the methodology's order, with evidence status and findings as stored", () => {
    const axes = axesView(stored(report));
    expect(axes.map((a) => a.name)).toEqual(AxisName.options.filter((name) => report.axes[name].weight > 0));
    for (const axis of axes) expect(axis).toEqual({ name: axis.name, ...report.axes[axis.name] });
  });

  it("shows caps with their reason, the grade they limit to and the numbers the reason quotes", () => {
    expect(capsView(stored(report))).toEqual(report.caps);
    expect(capsView(stored(report)).every((c) => c.maxGrade && c.reason.length > 0)).toBe(true);
    expect(capsView(stored(report)).some((c) => Object.keys(c.values).length > 0)).toBe(true);
  });

  it("shows fixes under the API's name for their description", () => {
    const fixes = z.array(Fix).parse(fixesView(stored(report)));
    expect(fixes.map((f) => [f.id, f.title, f.points])).toEqual(report.fixes.map((f) => [f.id, f.description, f.points]));
  });

  it("uses the scorer's own next-grade answer", () => {
    const planned: GradeReport = {
      ...report, grade: "A", score: 78.5,
      fixes: [{ id: "a", axis: "auth", description: "A", points: 2, liftsCaps: [] }],
      nextGrade: { grade: "AA", minScore: 80, pointsNeeded: 1.5, reachable: true, blockedBy: [], scoreAfterFixes: 80.5 },
    };
    expect(nextGradeView(stored(planned))).toEqual({ grade: "AA", pointsNeeded: 1.5, reachable: true, blockedBy: [], scoreAfterFixes: 80.5, fixes: [{ id: "a", title: "A", axis: "auth", points: 2, liftsCaps: [] }] });
  });

  it("offers no path when the fixes cannot reach the next grade, and none above AAA", () => {
    const blocked: GradeReport = {
      ...report, grade: "B", score: 41,
      fixes: [{ id: "x", axis: "auth", description: "x", points: 2, liftsCaps: [] }],
      nextGrade: { grade: "BB", minScore: 50, pointsNeeded: 9, reachable: false, blockedBy: ["Fixing every finding reaches only 43."], scoreAfterFixes: 43 },
    };
    expect(nextGradeView(stored(blocked))?.fixes).toEqual([]);
    expect(nextGradeView(stored({ ...report, grade: "AAA", score: 95, fixes: [], nextGrade: null }))).toBeNull();
  });
});
