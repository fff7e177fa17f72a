import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy } from "../security/csp";
import { safeLocalPath } from "./safe-path";

describe("safeLocalPath", () => {
  it.each([
    ["/services/freee?window=7", "/services/freee?window=7"],
    ["//evil.example/x", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/ok\r\nSet-Cookie: x=1", "/"],
    [null, "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeLocalPath(input)).toBe(expected);
  });
});

describe("page CSP", () => {
  it("allows scripts only with the nonce, frames from nowhere, and no unsafe-inline script", () => {
    const csp = pageContentSecurityPolicy("abcdefghijklmnopqrstuvwx");
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toContain("'nonce-abcdefghijklmnopqrstuvwx'");
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("refuses a short or malformed nonce", () => {
    expect(() => pageContentSecurityPolicy("short")).toThrow(/nonce/);
    expect(() => pageContentSecurityPolicy("abc'; script-src *; x-abcdefgh")).toThrow(/nonce/);
  });
});
