import { describe, expect, it } from "vitest";
import { dataSources } from "./data-source";

describe("dataSources", () => {
  it.each([
    [[], []],
    [["live", "live"], ["live"]],
    [["sandbox", "live", "sandbox"], ["live", "sandbox"]],
    [["replayed"], ["sandbox"]],
    [["live", "LIVE"], ["live", "sandbox"]],
  ])("labels %j as %j (anything not exactly live counts as simulated)", (stored, expected) => {
    expect(dataSources(stored)).toEqual(expected);
  });
});
