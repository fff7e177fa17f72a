import { describe, expect, it } from "vitest";
import { runPathOf } from "./probe-record";

describe("runPathOf", () => {
  it.each([
    ["gateway", "gateway"],
    ["direct", "direct"],
    ["", "direct"],
    ["GATEWAY", "direct"],
  ] as const)("reads stored path %j as %j", (stored, expected) => {
    expect(runPathOf(stored)).toBe(expected);
  });
});
