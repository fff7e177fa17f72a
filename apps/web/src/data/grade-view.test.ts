import { describe, expect, it } from "vitest";
import { readAxes, readCaps, readFixes, readNextGrade } from "./grade-view";

describe("reading stored grade JSON", () => {
  it("reads GradeReport axes keyed by name, with evidence status and findings", () => {
    const axes = readAxes({
      reliability: { score: 91.2, weight: 0.35, evidence: "observed", facts: { calls: 212 }, findings: [{ id: "f", ok: false, message: "4 auth_expired" }] },
      config_portability: { score: null, weight: 0.1, evidence: "not tested", facts: {}, findings: [] },
    });
    expect(axes).toEqual([
      { name: "reliability", score: 91.2, weight: 0.35, evidence: "observed", facts: { calls: 212 }, findings: [{ id: "f", ok: false, message: "4 auth_expired" }] },
      { name: "config_portability", score: null, weight: 0.1, evidence: "not_tested", facts: {}, findings: [] },
    ]);
  });

  it("reads axes stored as an array too, and never throws on junk", () => {
    expect(readAxes([{ name: "gateway", score: 50, evidence: "declared" }])[0]).toMatchObject({ name: "gateway", evidence: "declared", weight: null });
    expect(readAxes("junk")).toEqual([]);
    expect(readAxes(null)).toEqual([]);
    expect(readCaps({ not: "a list" })).toEqual([]);
    expect(readFixes(42)).toEqual([]);
  });

  it("reads caps with their reason and the grade they limit to", () => {
    expect(readCaps([{ id: "no_auth", reason: "No authentication with write tools", maxGrade: "BBB" }, { message: "weak", grade: "BB" }])).toEqual([
      { id: "no_auth", reason: "No authentication with write tools", maxGrade: "BBB" },
      { id: "cap-2", reason: "weak", maxGrade: "BB" },
    ]);
  });

  it("uses the scorer's own next-grade answer when the snapshot stores one", () => {
    const fixes = { fixes: [{ id: "a", title: "A", points: 2 }], nextGrade: { grade: "AA", pointsNeeded: 1.5, fixes: [{ id: "a", title: "A", points: 2 }] } };
    expect(readNextGrade("A", 78.5, fixes)).toEqual({ grade: "AA", pointsNeeded: 1.5, fixes: [{ id: "a", title: "A", axis: null, points: 2 }] });
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
