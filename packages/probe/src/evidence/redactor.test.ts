import { describe, expect, it } from "vitest";
import { Redactor } from "./redactor";

describe("Redactor", () => {
  it("masks known secrets, their URL-encoded and base64 forms", () => {
    const r = new Redactor();
    r.add("s3cr3t/value+1");
    expect(r.redact("x s3cr3t/value+1 y")).toBe("x [REDACTED] y");
    expect(r.redact("q=s3cr3t%2Fvalue%2B1")).not.toContain("s3cr3t");
    expect(r.redact(Buffer.from("s3cr3t/value+1").toString("base64"))).toBe("[REDACTED]");
  });
  it.each([
    ["Authorization: Bearer abc.def-ghi", "Authorization: Bearer [REDACTED]"],
    ['{"access_token":"tok123","token_type":"Bearer"}', '{"access_token":"[REDACTED]","token_type":"Bearer"}'],
    ["grant_type=refresh_token&refresh_token=rt-999&client_secret=cs-1", "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]"],
    ["https://x/?api_key=k-1&page=2", "https://x/?api_key=[REDACTED]&page=2"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature here", "jwt [REDACTED] here"],
  ])("masks secret shapes: %s", (input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });
  it("leaves challenges and prose about tokens readable", () => {
    const challenge = 'Bearer error="insufficient_scope", scope="mcp:write", resource_metadata="https://a/b"';
    expect(new Redactor().redact(challenge)).toBe(challenge);
    expect(new Redactor().redact("use bearer authentication; the token expired")).toBe("use bearer authentication; the token expired");
    expect(new Redactor().redact("Authorization: Basic dXNlcjpwYXNz")).toBe("Authorization: Basic [REDACTED]");
  });

  it("leaves ordinary evidence alone", () => {
    const text = '{"jsonrpc":"2.0","id":3,"error":{"code":-32602,"message":"bad progressToken"}}';
    expect(new Redactor().redact(text)).toBe(text);
  });
  it("masks a secret cut in half at the end of a truncated excerpt", () => {
    const r = new Redactor();
    r.add("SECRET-TOKEN-VALUE");
    expect(r.excerpt("body ... SECRET-TOK", 100, true)).toBe("body ... [REDACTED]");
    expect(r.excerpt("a".repeat(50), 10)).toBe(`${"a".repeat(10)}…[+40 chars]`);
  });
  it("strips userinfo and fragments from URLs", () => {
    expect(new Redactor().redactUrl("https://user:pw@host/p?token=t1#frag")).toBe("https://host/p?token=[REDACTED]");
  });
});
