import { describe, expect, it } from "vitest";
import { betterGrade, gradeForScore, gradeRank, maxScoreOf, minScoreOf, roundScore } from "./grade";

describe("grade bands", () => {
  it.each<[number, string]>([
    [100, "AAA"], [90, "AAA"], [89.9, "AA"], [80, "AA"], [79.9, "A"], [70, "A"], [69.9, "BBB"], [60, "BBB"],
    [59.9, "BB"], [50, "BB"], [49.9, "B"], [40, "B"], [39.9, "C"], [30, "C"], [29.9, "D"], [0, "D"],
  ])("score %d is %s", (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it.each([Number.NaN, -0.1, 100.1, Number.POSITIVE_INFINITY])("refuses %d with a message naming the score", (score) => {
    expect(() => gradeForScore(score)).toThrow(/a score is a number from 0 to 100/);
  });

  it("a cap at a grade allows that band's highest score and no more", () => {
    expect(maxScoreOf("AA")).toBe(89.9);
    expect(gradeForScore(maxScoreOf("AA"))).toBe("AA");
    expect(maxScoreOf("AAA")).toBe(100);
    expect(maxScoreOf("D")).toBe(29.9);
    expect(minScoreOf("BBB")).toBe(60);
  });

  it("ranks and neighbours", () => {
    expect(gradeRank("AAA")).toBeLessThan(gradeRank("D"));
    expect(betterGrade("AA")).toBe("AAA");
    expect(betterGrade("AAA")).toBeUndefined();
  });

  it("rounds to one decimal, halves up, despite binary fractions", () => {
    expect(roundScore(83.35)).toBe(83.4);
    expect(roundScore(1.005 * 10)).toBe(10.1);
    expect(roundScore(81.565)).toBe(81.6);
    expect(roundScore(81.54)).toBe(81.5);
  });
});
