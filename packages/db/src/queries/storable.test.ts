import { describe, expect, it } from "vitest";
import { storable, storableText } from "./storable";

describe("storable: what PostgreSQL refuses becomes U+FFFD, everything else is untouched", () => {
  it.each([
    ["plain", "plain"],
    ["nul\u0000byte", "nul\ufffdbyte"],
    ["lone high \ud800 surrogate", "lone high \ufffd surrogate"],
    ["lone low \udc00", "lone low \ufffd"],
    ["a pair 😀 stays", "a pair 😀 stays"],
    ["日本語", "日本語"],
  ])("%j → %j", (input, output) => {
    expect(storableText(input)).toBe(output);
  });

  it("copies only the branches that changed, keys included", () => {
    const clean = { a: [1, "x"], b: { c: "y" } };
    const input = { clean, dirty: { "k\u0000": ["v\u0000", 2] } };
    const out = storable(input);
    expect(out.clean).toBe(clean);
    expect(out.dirty).toEqual({ "k\ufffd": ["v\ufffd", 2] });
    expect(input.dirty).toEqual({ "k\u0000": ["v\u0000", 2] });
    expect(storable(clean)).toBe(clean);
  });
});
