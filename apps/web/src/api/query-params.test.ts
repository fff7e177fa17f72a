import { describe, expect, it } from "vitest";
import { leaderboardParams } from "./leaderboard-params";
import { parseParams, parseParamsLenient } from "./query-params";

const parse = (qs: string) => parseParams(leaderboardParams, new URLSearchParams(qs));

describe("leaderboard query parameters", () => {
  it("gives defaults for an empty query", () => {
    const r = parse("");
    expect(r.ok && r.value).toMatchObject({ window: 30, sort: "grade", page: 1, pageSize: 50, category: [], grade: [], ids: [] });
  });

  it.each([
    ["window=5", "window", "one of 7, 30, 90"],
    ["page=0", "page", "from 1 to 100000"],
    ["pageSize=251", "pageSize", "from 1 to 250"],
    ["page=abc", "page", "whole number"],
    ["grade=AAAA", "grade", "AAA"],
    ["sso=maybe", "sso", "true or false"],
    ["sort=price", "sort", "one of grade"],
    ["source=prod", "source", "live, package, sandbox"],
    ["category=Bad%20Cat", "category", "lower-case ids"],
    ["auth=oauth3", "auth", "oauth2"],
    ["colour=red", "colour", "one of q, category"],
    [`q=${"x".repeat(101)}`, "q", "100"],
  ])("rejects %s naming %s and what it expected", (qs, parameter, expected) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.parameter === parameter);
    expect(issue, JSON.stringify(r.issues)).toBeDefined();
    expect(`${issue!.message} ${issue!.expected}`).toContain(expected);
  });

  it("reads lists from commas and from repeated parameters alike", () => {
    const a = parse("grade=AAA,AA&ids=a,b");
    const b = parse("grade=AAA&grade=AA&ids=a&ids=b");
    expect(a.ok && a.value.grade).toEqual(["AAA", "AA"]);
    expect(b.ok && b.value).toMatchObject({ grade: ["AAA", "AA"], ids: ["a", "b"] });
  });

  it("treats an empty value (a form's Any) as absent", () => {
    const r = parse("sso=&category=&window=7");
    expect(r.ok && r.value).toMatchObject({ sso: undefined, category: [], window: 7 });
  });

  it("keeps the good parameters and reports the bad ones when lenient", () => {
    const r = parseParamsLenient(leaderboardParams, new URLSearchParams("window=5&grade=AA&bogus=1"));
    expect(r.value).toMatchObject({ window: 30, grade: ["AA"] });
    expect(r.issues.map((i) => i.parameter).sort()).toEqual(["bogus", "window"]);
  });
});
