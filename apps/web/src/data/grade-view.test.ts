import { describe, expect, it } from "vitest";
import { aggregateSteps, evidenceFromAggregates, gradeService, type GradeReport, type StepFacts } from "@kensa/core";
import { z } from "zod";
import { Axis, Cap, NextGrade } from "../api/schemas";
import { readAxes, readCaps, readFixes, readNextGrade } from "./grade-view";

/** A real GradeReport from the scorer: 200 calls, 10 vendor failures, no auth on a server with a write tool. */
function realReport(): GradeReport {
  const steps: StepFacts[] = [
    ...Array.from({ length: 190 }, (): StepFacts => ({ kind: "call", ok: true, latencyMs: 120 })),
    ...Array.from({ length: 10 }, (): StepFacts => ({ kind: "call", ok: false, latencyMs: 50, errorClass: "server_error", fault: "vendor" })),
  ];
  return gradeService(evidenceFromAggregates({
    window: { from: "2026-10-01T00:00:00.000Z", to: "2026-10-30T23:59:00.000Z" },
    aggregates: { direct: aggregateSteps(steps, 40) },
    summary: { target: { transport: "streamable-http" }, tools: { count: 2, withSchema: 2, hash: "h", names: ["list", "create"], writeTools: 1 } },
    declared: {},
    authMethod: "none",
  }));
}

describe("reading the scorer's own GradeReport", () => {
  const report = realReport();

  it("reads every axis with label, percent weights, evidence status and scored findings", () => {
    const axes = z.array(Axis).parse(readAxes(report.axes));
    expect(axes.map((a) => a.name).sort()).toEqual(Object.keys(report.axes).sort());
    const reliability = axes.find((a) => a.name === "reliability")!;
    expect(reliability.weight).toBe(report.axes.reliability.weight);
    expect(reliability.weight).toBeGreaterThan(1);
    expect(reliability.findings.every((f) => typeof f.maxPoints === "number" && typeof f.scored === "boolean")).toBe(true);
  });

  it("reads the caps it applied, and the next grade as the scorer planned it", () => {
    expect(report.caps.length).toBeGreaterThan(0);
    const caps = z.array(Cap).parse(readCaps(report.caps));
    expect(caps.map((c) => c.id)).toEqual(report.caps.map((c) => c.id));
    expect(caps.every((c) => c.kind !== null && c.limit !== null)).toBe(true);
    const next = readNextGrade(report.grade, report.score, { fixes: report.fixes, nextGrade: report.nextGrade });
    expect(next).not.toBeNull();
    const view = NextGrade.parse(next);
    expect(view.grade).toBe(report.nextGrade!.grade);
    expect(view.reachable).toBe(report.nextGrade!.reachable);
    expect(view.fixes.map((f) => f.id)).toEqual(view.reachable ? report.fixes.map((f) => f.id) : []);
  });
});

describe("reading stored grade JSON", () => {
  it("reads GradeReport axes keyed by name, with evidence status and findings", () => {
    const axes = readAxes({
      reliability: { score: 91.2, weight: 0.35, evidence: "observed", facts: { calls: 212 }, findings: [{ id: "f", ok: false, message: "4 auth_expired" }] },
      config_portability: { score: null, weight: 0.1, evidence: "not tested", facts: {}, findings: [] },
    });
    expect(axes).toEqual([
      { name: "reliability", label: null, score: 91.2, weight: 35, effectiveWeight: null, evidence: "observed", facts: { calls: 212 }, findings: [{ id: "f", ok: false, message: "4 auth_expired" }] },
      { name: "config_portability", label: null, score: null, weight: 10, effectiveWeight: null, evidence: "not_tested", facts: {}, findings: [] },
    ]);
  });

  it("reads axes stored as an array too, and never throws on junk", () => {
    expect(readAxes([{ name: "gateway", score: 50, evidence: "declared", weight: 0.15 }])[0]).toMatchObject({ name: "gateway", evidence: "declared", weight: 15 });
    expect(readAxes("junk")).toEqual([]);
    expect(readAxes(null)).toEqual([]);
    expect(readCaps({ not: "a list" })).toEqual([]);
    expect(readFixes(42)).toEqual([]);
  });

  it("reads caps with their reason, the grade they limit to and the numbers the reason quotes", () => {
    const stored = [
      { id: "no_auth", kind: "cap", reason: "No authentication, yet 3 tools…", maxGrade: "BBB", limit: 69.9, liftedBy: ["auth.authentication"], values: { writeTools: 3, bogus: "x" } },
      { message: "weak", grade: "BB" },
    ];
    expect(readCaps(stored)).toEqual([
      { id: "no_auth", kind: "cap", reason: "No authentication, yet 3 tools…", maxGrade: "BBB", limit: 69.9, liftedBy: ["auth.authentication"], values: { writeTools: 3 } },
      { id: "cap-2", kind: null, reason: "weak", maxGrade: "BB", limit: null, liftedBy: [], values: {} },
    ]);
  });

  it("uses the scorer's own next-grade answer when the snapshot stores one", () => {
    const fixes = { fixes: [{ id: "a", description: "A", points: 2 }], nextGrade: { grade: "AA", pointsNeeded: 1.5, reachable: true, blockedBy: [], scoreAfterFixes: 80.5 } };
    expect(readNextGrade("A", 78.5, fixes)).toEqual({ grade: "AA", pointsNeeded: 1.5, reachable: true, blockedBy: [], scoreAfterFixes: 80.5, fixes: [{ id: "a", title: "A", axis: null, points: 2, liftsCaps: [] }] });
  });

  it("otherwise picks the largest fixes until the gap to the next band is covered", () => {
    const fixes = [{ id: "s", title: "small", points: 1 }, { id: "b", title: "big", points: 4 }, { id: "m", title: "mid", points: 3 }];
    const next = readNextGrade("BBB", 64, fixes);
    expect(next?.grade).toBe("A");
    expect(next?.pointsNeeded).toBe(6);
    expect(next?.fixes.map((f) => f.id)).toEqual(["b", "m"]);
  });

  it("offers no path when the fixes cannot cover the gap, and none above AAA", () => {
    expect(readNextGrade("B", 41, [{ id: "x", title: "x", points: 2 }])?.fixes).toEqual([]);
    expect(readNextGrade("AAA", 95, [])).toBeNull();
  });
});
