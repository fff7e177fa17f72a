import { describe, expect, it } from "vitest";
import { scrubText, type ScrubKind } from "./scrub-text";

describe("scrubText", () => {
  it.each<[string, string, string, ScrubKind]>([
    ["bearer token", "sent Authorization: Bearer abc.DEF-123_xyz~ and got 401", "sent Authorization: Bearer [redacted:token] and got 401", "token"],
    ["lower-case bearer", "bearer s3cr3tvalue", "Bearer [redacted:token]", "token"],
    ["JWT", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U expired", "token [redacted:token] expired", "token"],
    ["OpenAI-style key", "use sk-proj-abcdefghijklmnop1234", "use [redacted:api-key]", "api-key"],
    ["Stripe live key", "sk_live_51HxxxxYYYYzzzz0000", "[redacted:api-key]", "api-key"],
    ["GitHub token", "ghp_0123456789abcdefghijABCDEFGHIJ0123", "[redacted:api-key]", "api-key"],
    ["Slack token", "xoxb-123456789012-abcdefABCDEF", "[redacted:api-key]", "api-key"],
    ["AWS access key id", "key AKIAIOSFODNN7EXAMPLE leaked", "key [redacted:api-key] leaked", "api-key"],
    ["Kensa token", "kensa_AbCdEfGhIjKlMnOpQrStUv", "[redacted:api-key]", "api-key"],
    ["api_key= parameter", "retry with ?api_key=abcd1234&x=1", "retry with ?api_key=[redacted:api-key]&x=1", "api-key"],
    ["JSON password", '{"password": "hunter22"}', '{"password": "[redacted:api-key]"}', "api-key"],
    ["client_secret", "client_secret: 9f8e7d6c", "client_secret: [redacted:api-key]", "api-key"],
    ["email", "ask taro.yamada+mcp@example.co.jp for access", "ask [redacted:email] for access", "email"],
    ["My Number, plain", "個人番号 123456789012 を送信", "個人番号 [redacted:my-number] を送信", "my-number"],
    ["My Number, hyphenated", "1234-5678-9012", "[redacted:my-number]", "my-number"],
    ["My Number, spaced", "no. 1234 5678 9012.", "no. [redacted:my-number].", "my-number"],
    ["My Number, full-width", "１２３４５６７８９０１２", "[redacted:my-number]", "my-number"],
    ["Japanese mobile, hyphens", "call 090-1234-5678", "call [redacted:phone]", "phone"],
    ["Japanese mobile, plain", "09012345678 まで", "[redacted:phone] まで", "phone"],
    ["Japanese mobile, full-width", "０９０－１２３４－５６７８", "[redacted:phone]", "phone"],
    ["Tokyo landline", "03-1234-5678", "[redacted:phone]", "phone"],
    ["Tokyo landline, brackets", "(03) 1234-5678", "[redacted:phone]", "phone"],
    ["Osaka landline, plain", "0612345678", "[redacted:phone]", "phone"],
    ["toll free", "0120-123-456", "[redacted:phone]", "phone"],
    ["navi dial", "0570-012-345", "[redacted:phone]", "phone"],
    ["international Japan", "+81 90-1234-5678", "[redacted:phone]", "phone"],
    ["international Japan, compact", "+819012345678", "[redacted:phone]", "phone"],
    ["US number", "(415) 555-0132", "[redacted:phone]", "phone"],
    ["US number, dashes", "415-555-0132", "[redacted:phone]", "phone"],
    ["long opaque secret", "session 9c1f0e2b7a6d4c3b8e5f1a2d3c4b5a6f7e8d9c0b stuck", "session [redacted:secret] stuck", "secret"],
  ])("%s", (_name, input, expected, kind) => {
    const result = scrubText(input);
    expect(result.text).toBe(expected);
    expect(result.redactions[kind]).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["a date", "since 2026-12-06 the server answers 503"],
    ["a timestamp", "failed at 2026-12-06 15:59:49 UTC"],
    ["latency", "took 1500 ms, then 12000 ms on retry"],
    ["HTTP and JSON-RPC codes", "HTTP 429, then -32602 invalid params"],
    ["a short number", "page 3 of 10, limit 100"],
    ["a tool name", "call list_invoices with per_page=100 instead of 500"],
    ["a URL path", "use https://api.example.com/v2/mcp not /v1"],
    ["an 11-digit number not starting with 0", "order 12345678901 failed"],
    ["a word without digits", "abcdefghijklmnopqrstuvwxyzabcdefghijkl is a long word"],
  ])("keeps %s", (_name, input) => {
    const result = scrubText(input);
    expect(result.text).toBe(input);
    expect(result.redactions).toEqual({});
  });

  it("drops control characters but keeps newlines and tabs", () => {
    expect(scrubText("a\u0000b\u001bc\nd\te").text).toBe("abc\nd\te");
  });

  it("counts several redactions of one kind", () => {
    expect(scrubText("a@example.com, b@example.org").redactions).toEqual({ email: 2 });
  });
});
