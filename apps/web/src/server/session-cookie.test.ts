import { describe, expect, it } from "vitest";
import { csrfMatches, csrfToken, signSession, verifySession } from "./session-cookie";

const secret = Buffer.from("a".repeat(32));
const claims = { tokenId: "3f1b8c1e-0000-4000-8000-000000000001", issuedAt: 1_000, expiresAt: 2_000 };

describe("session cookie", () => {
  it("verifies what it signed, until it expires", () => {
    const cookie = signSession(secret, claims);
    expect(verifySession(secret, cookie, 1_500)).toEqual(claims);
    expect(verifySession(secret, cookie, 2_000)).toBeNull();
  });

  it.each([
    ["another key", (c: string) => c, Buffer.from("b".repeat(32))],
    ["a changed body", (c: string) => `${Buffer.from(JSON.stringify({ ...claims, tokenId: "someone-else" })).toString("base64url")}.${c.split(".")[1]}`, secret],
    ["a truncated signature", (c: string) => c.slice(0, -2), secret],
    ["an extra part", (c: string) => `${c}.x`, secret],
    ["garbage", () => "not-a-cookie", secret],
  ])("rejects %s", (_, mangle, key) => {
    expect(verifySession(key, mangle(signSession(secret, claims)), 1_500)).toBeNull();
  });

  it("binds CSRF tokens to the session", () => {
    const token = csrfToken(secret, claims);
    expect(csrfMatches(secret, claims, token)).toBe(true);
    expect(csrfMatches(secret, { ...claims, issuedAt: 1_001 }, token)).toBe(false);
    expect(csrfMatches(secret, claims, null)).toBe(false);
    expect(csrfMatches(secret, claims, "x")).toBe(false);
  });
});
