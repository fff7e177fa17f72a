// protocol_version: inside an established session, a request carrying a bogus MCP-Protocol-Version header
// must be refused with 400 Bad Request (MCP Streamable HTTP transport spec).
import { randomBytes } from "node:crypto";
import { checkRequest } from "./check-request";
import { finding, jsonRpcHeaders, result, type CheckContext, type CheckOutput } from "./check-context";

const BOGUS_VERSION = "1999-01-01";

export async function protocolVersionCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport !== "streamable-http") {
    return { outcome: { kind: "ok" }, check: result("protocol_version", "not_applicable", [finding("transport", true, `the header is not used over ${ctx.transport}`)], {}) };
  }
  if (!ctx.session.initialized) {
    return { outcome: { kind: "ok" }, check: result("protocol_version", "inconclusive", [finding("session", false, "no session could be initialized to test in")], {}) };
  }
  const headers: Record<string, string> = { ...ctx.sessionHeaders(), ...jsonRpcHeaders, "mcp-protocol-version": BOGUS_VERSION };
  if (ctx.session.sessionId) headers["mcp-session-id"] = ctx.session.sessionId;
  const answer = await checkRequest(ctx, {
    method: "POST",
    headers,
    body: JSON.stringify({ jsonrpc: "2.0", id: `kensa-${randomBytes(4).toString("hex")}`, method: "ping" }),
  });
  if (!answer.ok) {
    return { outcome: answer.failure, check: result("protocol_version", "inconclusive", [finding("reachable", false, `the request failed: ${answer.failure.kind}`)], {}) };
  }
  const outcome = { kind: "ok" as const, httpStatus: answer.status };
  const facts = { status: answer.status, sent: BOGUS_VERSION };
  if (answer.status === 401 || answer.status === 403) {
    return { outcome, excerpt: answer.excerpt, check: result("protocol_version", "inconclusive", [finding("authorized", false, `the request was refused with ${answer.status} before the version was judged`)], facts) };
  }
  const ok = answer.status === 400;
  const found = finding("rejects-bogus-version", ok, `MCP-Protocol-Version: ${BOGUS_VERSION} was answered ${answer.status}`, "Answer an unsupported MCP-Protocol-Version header with 400 Bad Request.");
  return { outcome, excerpt: answer.excerpt, check: result("protocol_version", ok ? "pass" : "fail", [found], facts) };
}
