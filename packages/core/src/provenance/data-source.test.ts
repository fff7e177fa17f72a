import { describe, expect, it } from "vitest";
import { combineSources, dataSourceOrder, gradedSources, isGradedSource, isSimulated, listSources, normaliseSource } from "./data-source";

describe("the data-source table", () => {
  it("lists live, then the vendor's package, then sandbox: the order is the precedence", () => {
    expect(dataSourceOrder).toEqual(["live", "package", "sandbox"]);
  });

  it("combines package with sandbox as sandbox and with live as package", () => {
    expect(combineSources("package", "sandbox")).toBe("sandbox");
    expect(combineSources("live", "package")).toBe("package");
  });

  it("keeps package runs out of rollups and grades; live, sandbox and unknown names are graded", () => {
    expect(isGradedSource("package")).toBe(false);
    expect(isGradedSource("live")).toBe(true);
    expect(isGradedSource("sandbox")).toBe(true);
    expect(isGradedSource("replayed")).toBe(true);
    expect(gradedSources).toEqual(["live", "sandbox"]);
    expect(isSimulated("package")).toBe(false);
  });

  it.each([
    ["live", "live"],
    ["sandbox", "sandbox"],
    ["LIVE", "sandbox"],
    ["replayed", "sandbox"],
    ["", "sandbox"],
  ])("normalises stored %j as %j (anything not exactly a known source counts as simulated)", (stored, expected) => {
    expect(normaliseSource(stored)).toBe(expected);
  });

  it.each<[(string | null | undefined)[], string | null]>([
    [[], null],
    [[null, undefined], null],
    [["live"], "live"],
    [["sandbox"], "sandbox"],
    [["live", "live"], "live"],
    [["live", "sandbox"], "sandbox"],
    [["sandbox", "live"], "sandbox"],
    [[undefined, "live", null], "live"],
    [["live", "replayed"], "sandbox"],
    [["weird", "live"], "sandbox"],
  ])("combines %j as %j: sandbox evidence wins over live", (sources, expected) => {
    expect(combineSources(...sources)).toBe(expected);
  });
});

describe("listSources", () => {
  it.each([
    [[], []],
    [["live", "live"], ["live"]],
    [["sandbox", "live", "sandbox"], ["live", "sandbox"]],
    [["replayed"], ["sandbox"]],
    [["live", "LIVE"], ["live", "sandbox"]],
  ])("labels %j as %j (anything not exactly live counts as simulated)", (stored, expected) => {
    expect(listSources(stored)).toEqual(expected);
  });
});

describe("isSimulated", () => {
  it.each([
    ["sandbox", true],
    ["live", false],
    [null, false],
    [[], false],
    [["live"], false],
    [["live", "sandbox"], true],
  ] as const)("%j is simulated: %j", (source, expected) => {
    expect(isSimulated(source)).toBe(expected);
  });
});

it("an unrecognised stored source name counts as simulated", () => {
  expect(isSimulated("replayed")).toBe(true);
  expect(isSimulated(["live", "LIVE"])).toBe(true);
});
