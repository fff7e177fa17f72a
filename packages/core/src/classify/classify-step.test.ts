import { describe, expect, it } from "vitest";
import type { ProbeStepRecord, RunPath } from "../probe/probe-record";
import type { StepOutcome } from "../probe/step-outcome";
import { allErrorClasses, type ErrorClass, type Fault } from "../taxonomy/error-classes";
import { classifyStep } from "./classify-step";

interface Row {
  rule: string;
  outcome: StepOutcome;
  path?: RunPath;
  expiredAtSend?: boolean;
  kind?: ProbeStepRecord["kind"];
  expect: { errorClass: ErrorClass; fault: Fault; confidence: "code" | "inferred"; decidedBy?: RegExp };
}

const http = (status: number, headers: Record<string, string> = {}, body?: string): StepOutcome =>
  body === undefined ? { kind: "http-error", status, headers } : { kind: "http-error", status, headers, body };
const rpc = (code: number, message: string, extra: { httpStatus?: number; data?: unknown } = {}): StepOutcome => ({ kind: "rpc-error", code, message, ...extra });
const tool = (text: string, structured?: unknown): StepOutcome => (structured === undefined ? { kind: "tool-error", text } : { kind: "tool-error", text, structured });
const exited = (phase: "start" | "session", exitCode: number | null, stderr: string, signal: string | null = null): StepOutcome => ({ kind: "process-exit", phase, exitCode, signal, stderr });
const jsonRpcBody = (code: number, message: string) => JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code, message } });
const e = (errorClass: ErrorClass, fault: Fault, confidence: "code" | "inferred" = "code", decidedBy?: RegExp): Row["expect"] =>
  decidedBy === undefined ? { errorClass, fault, confidence } : { errorClass, fault, confidence, decidedBy };

const rows: Row[] = [
  // HTTP statuses and the headers that matter
  { rule: "401 with a token past its expiry when sent", outcome: http(401, { "www-authenticate": 'Bearer error="invalid_token"' }), expiredAtSend: true, expect: e("auth_expired", "vendor", "code", /past its expiry/) },
  { rule: "401 invalid_token whose error_description says expired", outcome: http(401, { "www-authenticate": 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }), expect: e("auth_expired", "vendor", "inferred") },
  { rule: "401 whose Japanese body says the token expired", outcome: http(401, {}, '{"message":"アクセストークンの有効期限が切れています"}'), expect: e("auth_expired", "vendor", "inferred") },
  { rule: "401 invalid_token without an expiry hint", outcome: http(401, { "www-authenticate": 'Bearer error="invalid_token", error_description="Token revoked"' }), expect: e("auth_invalid", "client", "code", /error="invalid_token"/) },
  { rule: "401 with no challenge at all", outcome: http(401), expect: e("auth_invalid", "client") },
  { rule: "403 insufficient_scope", outcome: http(403, { "www-authenticate": 'Bearer error="insufficient_scope", scope="files:read"' }), expect: e("auth_forbidden", "client", "code", /insufficient_scope/) },
  { rule: "403 insufficient_scope behind a gateway (authorization propagation)", path: "gateway", outcome: http(403, { "www-authenticate": 'Bearer error="insufficient_scope"' }), expect: e("auth_forbidden", "intermediary", "code", /intermediary/) },
  { rule: "403 invalid_token", outcome: http(403, { "www-authenticate": 'Bearer error="invalid_token"' }), expect: e("auth_invalid", "client") },
  { rule: "403 invalid_token with a token past its expiry", outcome: http(403, { "www-authenticate": 'Bearer error="invalid_token"' }), expiredAtSend: true, expect: e("auth_expired", "vendor") },
  { rule: "403 without a challenge", outcome: http(403), expect: e("auth_forbidden", "client") },
  { rule: "401 expired on the gateway path (the gateway's credential, not the vendor's)", path: "gateway", outcome: http(401, { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"', via: "1.1 kensa-gateway" }), expect: e("auth_expired", "intermediary", "inferred") },
  { rule: "401 invalid_token on the gateway path (propagated credential refused)", path: "gateway", outcome: http(401, { "www-authenticate": 'Bearer error="invalid_token"' }), expect: e("auth_invalid", "intermediary") },
  { rule: "407 proxy authentication", outcome: http(407), expect: e("gateway_error", "intermediary") },
  { rule: "408 request timeout", outcome: http(408), expect: e("timeout", "vendor") },
  { rule: "429 with Retry-After", outcome: http(429, { "retry-after": "30" }), expect: e("rate_limited", "client", "code", /Retry-After: 30/) },
  { rule: "404 (endpoint or session gone)", outcome: http(404), expect: e("not_found", "vendor") },
  { rule: "410 gone", outcome: http(410), expect: e("not_found", "vendor") },
  { rule: "405 transport method refused", outcome: http(405), expect: e("protocol_error", "vendor") },
  { rule: "400 carrying JSON-RPC -32602", outcome: http(400, {}, jsonRpcBody(-32602, "Invalid params")), expect: e("invalid_input", "client", "code", /-32602/) },
  { rule: "400 carrying JSON-RPC -32601", outcome: http(400, {}, jsonRpcBody(-32601, "Method not found")), expect: e("not_found", "vendor") },
  { rule: "400 without a JSON-RPC body", outcome: http(400, {}, "bad request"), expect: e("invalid_input", "client") },
  { rule: "400 whose body says the session is not valid", outcome: http(400, {}, "Bad Request: No valid session ID provided"), expect: e("not_found", "vendor", "inferred") },
  { rule: "422 behind a gateway", path: "gateway", outcome: http(422), expect: e("invalid_input", "intermediary") },
  { rule: "500", outcome: http(500), expect: e("server_error", "vendor") },
  { rule: "502 on the gateway path", path: "gateway", outcome: http(502, {}, "<html>Bad Gateway</html>"), expect: e("gateway_error", "intermediary") },
  { rule: "503 on the gateway path carrying the server's JSON-RPC error", path: "gateway", outcome: http(503, {}, jsonRpcBody(-32603, "overloaded")), expect: e("server_error", "vendor", "code", /JSON-RPC error -32603/) },
  { rule: "502 on the direct path with a Via header (the vendor's edge)", outcome: http(502, { via: "1.1 vegur" }), expect: e("gateway_error", "vendor", "code", /header via/) },
  { rule: "503 on the direct path with a proxy's HTML page", outcome: http(503, {}, "<!DOCTYPE html><title>503</title>"), expect: e("gateway_error", "vendor", "code", /HTML/) },
  { rule: "504 on the direct path with no proxy sign", outcome: http(504), expect: e("timeout", "vendor") },
  { rule: "503 on the direct path with no proxy sign", outcome: http(503, { "retry-after": "120" }), expect: e("server_error", "vendor", "code", /Retry-After: 120/) },
  { rule: "a 3xx that reached the classifier", outcome: http(302, { location: "https://example.com/" }), expect: e("protocol_error", "vendor") },

  // JSON-RPC codes
  { rule: "-32700 parse error", outcome: rpc(-32700, "Parse error"), expect: e("invalid_input", "client") },
  { rule: "-32600 invalid request", outcome: rpc(-32600, "Invalid Request"), expect: e("invalid_input", "client") },
  { rule: "-32601 method not found", outcome: rpc(-32601, "Method not found"), expect: e("not_found", "vendor") },
  { rule: "-32602 invalid params", outcome: rpc(-32602, "Invalid params: 'channel' is required"), expect: e("invalid_input", "client") },
  { rule: "-32602 naming an unknown tool (SDK shape)", outcome: rpc(-32602, "MCP error -32602: Tool list_deals not found"), expect: e("not_found", "vendor", "inferred") },
  { rule: "-32602 behind a gateway", path: "gateway", outcome: rpc(-32602, "Invalid params"), expect: e("invalid_input", "intermediary") },
  { rule: "-32603 internal error", outcome: rpc(-32603, "Internal error"), expect: e("server_error", "vendor") },
  { rule: "-32001 request timeout (SDK)", outcome: rpc(-32001, "Request timed out"), expect: e("timeout", "vendor") },
  { rule: "-32002 resource not found", outcome: rpc(-32002, "Resource not found"), expect: e("not_found", "vendor") },
  { rule: "-32042 URL elicitation required", outcome: rpc(-32042, "This request requires more information.", { data: { elicitations: [] } }), expect: e("auth_forbidden", "client", "code", /URL elicitation/) },
  { rule: "-32000 connection closed (SDK)", outcome: rpc(-32000, "Connection closed"), expect: e("network_error", "intermediary", "inferred") },
  { rule: "another implementation-defined server error", outcome: rpc(-32050, "Backend unavailable"), expect: e("server_error", "vendor") },
  { rule: "JSON-RPC error delivered with HTTP 401", outcome: rpc(-32001, "Unauthorized", { httpStatus: 401 }), expect: e("auth_invalid", "client", "code", /HTTP 401/) },
  { rule: "JSON-RPC error with HTTP 401 and a token past expiry", outcome: rpc(-32600, "Unauthorized", { httpStatus: 401 }), expiredAtSend: true, expect: e("auth_expired", "vendor") },
  { rule: "unknown code with a structured status in data", outcome: rpc(1001, "failed", { data: { status: 429 } }), expect: e("rate_limited", "client", "code", /status=429/) },
  { rule: "unknown code with only a message", outcome: rpc(1001, "Rate limit exceeded, slow down"), expect: e("rate_limited", "client", "inferred") },
  { rule: "unknown code and unrecognisable text", outcome: rpc(7, "kaboom"), expect: e("server_error", "vendor", "inferred", /matches no rule/) },

  // isError tool results: structured content first, text last
  { rule: "Slack-style structured error code", outcome: tool("invalid_blocks", { ok: false, error: "invalid_blocks" }), expect: e("invalid_input", "client", "code", /error="invalid_blocks"/) },
  { rule: "Slack-style *_not_found family", outcome: tool("error", { ok: false, error: "channel_not_found" }), expect: e("not_found", "vendor") },
  { rule: "structured rate-limit code", outcome: tool("error", { error: { code: "ratelimited", message: "slow down" } }), expect: e("rate_limited", "client") },
  { rule: "structured status 401", outcome: tool("error", { status_code: 401, errors: [{ type: "unauthorized" }] }), expect: e("auth_invalid", "client", "code", /status_code=401/) },
  { rule: "structured status 401 with a token past expiry", outcome: tool("error", { statusCode: 401 }), expiredAtSend: true, expect: e("auth_expired", "vendor") },
  { rule: "structured errors[0].type (freee-style validation)", outcome: tool("error", { errors: [{ type: "validation", messages: ["company_id は必須です"] }] }), expect: e("invalid_input", "client", "code", /errors\[0\]/) },
  { rule: "structured JSON-RPC code in data", outcome: tool("error", { code: -32602, message: "bad" }), expect: e("invalid_input", "client") },
  { rule: "JSON object in the text channel", outcome: tool('{"error":"token_expired","message":"expired"}'), expect: e("auth_expired", "vendor", "code") },
  { rule: "SDK input validation text (MCP error -32602 prefix)", outcome: tool("MCP error -32602: Input validation error: Invalid arguments for tool search"), expect: e("invalid_input", "client", "code") },
  { rule: "text: token expired", outcome: tool("Error: OAuth token has expired"), expect: e("auth_expired", "vendor", "inferred") },
  { rule: "text: token expired (Japanese)", outcome: tool("トークンの有効期限が切れています。再認証してください"), expect: e("auth_expired", "vendor", "inferred") },
  { rule: "text: rate limit", outcome: tool("Too many requests, please retry later"), expect: e("rate_limited", "client", "inferred") },
  { rule: "text: permission", outcome: tool("Permission denied for this workspace"), expect: e("auth_forbidden", "client", "inferred") },
  { rule: "text: bad credential", outcome: tool("Invalid API key provided"), expect: e("auth_invalid", "client", "inferred") },
  { rule: "text: bad credential with a token past expiry", outcome: tool("Unauthorized"), expiredAtSend: true, expect: e("auth_expired", "vendor", "code") },
  { rule: "text: not found", outcome: tool("Channel not found: C0123"), expect: e("not_found", "vendor", "inferred") },
  { rule: "text: timeout", outcome: tool("Upstream request timed out after 30s"), expect: e("timeout", "vendor", "inferred") },
  { rule: "text: bad gateway", outcome: tool("502 Bad Gateway from upstream"), expect: e("gateway_error", "intermediary", "inferred") },
  { rule: "text: invalid input", outcome: tool("Missing required field: title"), expect: e("invalid_input", "client", "inferred") },
  { rule: "text: invalid input (Japanese)", outcome: tool("必須項目が入力されていません"), expect: e("invalid_input", "client", "inferred") },
  { rule: "text: invalid input behind a gateway", path: "gateway", outcome: tool("Invalid block format"), expect: e("invalid_input", "intermediary", "inferred") },
  { rule: "text: internal", outcome: tool("Internal server error"), expect: e("server_error", "vendor", "inferred") },
  { rule: "text: no longer exists", outcome: tool("Error: the requested record no longer exists"), expect: e("not_found", "vendor", "inferred") },
  { rule: "text nobody recognises", outcome: tool("それはできません"), expect: e("server_error", "vendor", "inferred", /matches no rule/) },

  // Below HTTP, and our own guards
  { rule: "timeout", outcome: { kind: "timeout", phase: "request", limitMs: 10_000 }, expect: e("timeout", "vendor", "code", /10000 ms/) },
  { rule: "connection refused at the vendor's endpoint", outcome: { kind: "network-error", code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, expect: e("network_error", "vendor") },
  { rule: "connection refused on the gateway path", path: "gateway", outcome: { kind: "network-error", code: "ECONNREFUSED", message: "" }, expect: e("network_error", "intermediary") },
  { rule: "connection reset", outcome: { kind: "network-error", code: "ECONNRESET", message: "socket hang up" }, expect: e("network_error", "intermediary") },
  { rule: "TLS certificate expired", outcome: { kind: "network-error", code: "CERT_HAS_EXPIRED", message: "certificate has expired" }, expect: e("network_error", "vendor", "code", /TLS/) },
  { rule: "headers timeout", outcome: { kind: "network-error", code: "UND_ERR_HEADERS_TIMEOUT", message: "" }, expect: e("timeout", "vendor") },
  { rule: "protocol violation", outcome: { kind: "protocol-violation", violation: "malformed-json", detail: "Unexpected token <" }, expect: e("protocol_error", "vendor", "code", /malformed-json/) },
  { rule: "blocked redirect into a private address", outcome: { kind: "blocked", reason: "redirect-to-private", detail: "10.0.0.5" }, expect: e("blocked_by_policy", "vendor") },
  { rule: "stdio: the process ends before initialize asking for its credential", outcome: exited("start", 1, "Please set CHANNEL_ACCESS_TOKEN\n"), path: "gateway", expect: e("config_missing", "client", "inferred", /CHANNEL_ACCESS_TOKEN/) },
  { rule: "stdio: the process ends before initialize with no such words (a start-up crash)", outcome: exited("start", 1, "TypeError: cannot read properties of undefined"), expect: e("server_error", "vendor", "code", /before answering initialize/) },
  { rule: "stdio: the process crashes during a call", outcome: exited("session", null, "Segmentation fault", "SIGSEGV"), expect: e("server_error", "vendor", "code", /SIGSEGV/) },
  { rule: "a readiness check whose own exchange timed out", kind: "check", outcome: { kind: "timeout", phase: "connect", limitMs: 5000 }, expect: e("timeout", "vendor") },

  // Shapes @kensa/probe records (its http-errors fixture) and @kensa/sandbox answers
  { rule: "probe: 404 carrying JSON-RPC -32001 'Session not found' (the status decides)", outcome: http(404, { "content-type": "application/json" }, jsonRpcBody(-32001, "Session not found")), expect: e("not_found", "vendor") },
  { rule: "probe: 503 with Via and an HTML page on the direct path", outcome: http(503, { "content-type": "text/html", via: "1.1 gateway" }, "<html>Service Unavailable</html>"), expect: e("gateway_error", "vendor") },
  { rule: "probe: a server that is not listening", outcome: { kind: "network-error", code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:1" }, expect: e("network_error", "vendor") },
  { rule: "probe: a loopback target that is not allow-listed", outcome: { kind: "blocked", reason: "private-address", detail: "127.0.0.1" }, expect: e("blocked_by_policy", "vendor") },
  { rule: "sandbox: structured tool error { error: { class, code: -32602 } }", outcome: tool("invalid_input: rejected", { error: { class: "invalid_input", code: -32602, message: "rejected", field: "company_id" } }), expect: e("invalid_input", "client", "code") },
  { rule: "sandbox: structured tool error { error: { class, code: -32002 } }", outcome: tool("not_found: gone", { error: { class: "not_found", code: -32002, message: "gone" } }), expect: e("not_found", "vendor", "code") },
  { rule: "sandbox: structured error class only", outcome: tool("x", { error: { errorClass: "rate_limited" } }), expect: e("rate_limited", "client", "code") },
  { rule: "sandbox: gateway 502 with a JSON error that is not JSON-RPC", path: "gateway", outcome: http(502, { via: "1.1 kensa-gateway", "content-type": "application/json" }, '{"error":"bad_gateway"}'), expect: e("gateway_error", "intermediary") },
  { rule: "sandbox: service refuses gateway-forwarded requests", path: "gateway", outcome: http(403, { "www-authenticate": 'Bearer error="insufficient_scope", error_description="requests forwarded by a gateway are not accepted"' }), expect: e("auth_forbidden", "intermediary") },

  // Real shapes from KanseiLink's deep audit of live servers (2026-06-09, MIT, see docs/ATTRIBUTION.md)
  { rule: "KanseiLink com-iterationlayer-mcp: tools/list error: HTTP 401", outcome: http(401), expect: e("auth_invalid", "client") },
  { rule: "KanseiLink dev-depscope-mcp: tools/list error: HTTP 400", outcome: http(400), expect: e("invalid_input", "client") },
];

describe("classifyStep", () => {
  it.each(rows)("$rule", (row) => {
    const step = { outcome: row.outcome, kind: row.kind ?? "call", ...(row.expiredAtSend === undefined ? {} : { credential: { expiredAtSend: row.expiredAtSend } }) };
    const got = classifyStep(step, { path: row.path ?? "direct" });
    expect(got).toBeDefined();
    expect({ errorClass: got!.errorClass, fault: got!.fault, confidence: got!.confidence }).toEqual({
      errorClass: row.expect.errorClass, fault: row.expect.fault, confidence: row.expect.confidence,
    });
    if (row.expect.decidedBy) expect(got!.decidedBy).toMatch(row.expect.decidedBy);
    expect(got!.decidedBy.length).toBeGreaterThan(5);
  });

  it("does not classify a step that did not fail", () => {
    expect(classifyStep({ outcome: { kind: "ok", httpStatus: 200 } }, { path: "direct" })).toBeUndefined();
  });

  it("does not classify a check whose exchange worked, whatever its verdict", () => {
    expect(classifyStep({ outcome: { kind: "ok", httpStatus: 401 } }, { path: "direct" })).toBeUndefined();
  });

  it("retryability follows the taxonomy", () => {
    expect(classifyStep({ outcome: http(429) }, { path: "direct" })!.retryable).toBe(true);
    expect(classifyStep({ outcome: http(400) }, { path: "direct" })!.retryable).toBe(false);
  });

  it("every class of the taxonomy is reachable by some rule", () => {
    const reached = new Set(rows.map((r) => r.expect.errorClass));
    expect(allErrorClasses.filter((c) => !reached.has(c))).toEqual([]);
  });
});
