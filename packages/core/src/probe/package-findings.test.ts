import { describe, expect, it } from "vitest";
import { errorActionability, packageFindings } from "./package-findings";

describe("errorActionability", () => {
  it.each([
    ["Invalid API key", [], "names_credential"],
    ["認証情報が設定されていません", [], "names_credential"],
    ["BACKLOG_API_KEY rejected", ["BACKLOG_API_KEY"], "names_credential"],
    ["TypeError: fetch failed (ENETUNREACH)", [], "names_network"],
    ["Something went wrong", [], "opaque"],
  ] as const)("%j → %s", (message, names, expected) => {
    expect(errorActionability(message, names)).toBe(expected);
  });
});

describe("packageFindings", () => {
  it("a run that never started says so for every finding it could not observe", () => {
    const findings = packageFindings({ summary: { target: { transport: "stdio" } }, steps: [] });
    expect(findings.map((f) => [f.id, f.verdict])).toEqual([
      ["startup", "concern"], ["protocol", "not_observed"], ["capabilities", "not_observed"], ["tools", "not_observed"], ["unauthenticated_call", "not_observed"],
    ]);
  });
});
