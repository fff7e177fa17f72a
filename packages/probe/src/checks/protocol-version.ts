// protocol_version: inside an established session, a request carrying a bogus MCP-Protocol-Version header
// must be refused with 400 Bad Request (MCP Streamable HTTP transport spec). In the 2026-07-28 era there is
// no session and no ping-without-metadata: the bogus version goes on a tools/list as both the
// MCP-Protocol-Version header and `_meta` protocolVersion (they agree, so a refusal is about the version and
// not a -32020 header mismatch); the spec's answer is 400 with -32022 UnsupportedProtocolVersion, recorded.
import { randomBytes } from "node:crypto";
import { isObject, parseJson } from "../discovery/http-json";
import { checkRequest } from "./check-request";
import { finding, jsonRpcHeaders, result, type CheckContext, type CheckOutput } from "./check-context";
import { mirroredHeaders, modernBody, requestId } from "../net/raw-rpc";

const BOGUS_VERSION = "1999-01-01";

export async function protocolVersionCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport !== "streamable-http") {
    return { outcome: { kind: "ok" }, check: result("protocol_version", "not_applicable", [finding("transport", true, `the header is not used over ${ctx.transport}`)], {}) };
  }
  if (!ctx.session.initialized) {
    return { outcome: { kind: "ok" }, check: result("protocol_version", "inconclusive", [finding("session", false, "no session could be initialized to test in")], {}) };
  }
  const modern = ctx.session.protocolEra === "modern";
  const headers: Record<string, string> = { ...ctx.sessionHeaders(), ...jsonRpcHeaders, ...(modern ? mirroredHeaders("tools/list", undefined, BOGUS_VERSION) : {}), "mcp-protocol-version": BOGUS_VERSION };
  if (ctx.session.sessionId && !modern) headers["mcp-session-id"] = ctx.session.sessionId;
  const id = requestId();
  const body = modern ? modernBody(id, "tools/list", {}, BOGUS_VERSION) : JSON.stringify({ jsonrpc: "2.0", id: `kensa-${randomBytes(4).toString("hex")}`, method: "ping" });
  const answer = await checkRequest(ctx, { method: "POST", headers, body });
  if (!answer.ok) {
    return { outcome: answer.failure, check: result("protocol_version", "inconclusive", [finding("reachable", false, `the request failed: ${answer.failure.kind}`)], {}) };
  }
  const outcome = { kind: "ok" as const, httpStatus: answer.status };
  const facts = { status: answer.status, sent: BOGUS_VERSION, era: modern ? "modern" : "initialize", ...(modern ? { code: errorCode(answer.excerpt, ctx.limits.maxJsonDepth) } : {}) };
  if (answer.status === 401 || answer.status === 403) {
    return { outcome, excerpt: answer.excerpt, check: result("protocol_version", "inconclusive", [finding("authorized", false, `the request was refused with ${answer.status} before the version was judged`)], facts) };
  }
  const ok = answer.status === 400;
  const found = finding("rejects-bogus-version", ok, `MCP-Protocol-Version: ${BOGUS_VERSION} was answered ${answer.status}`, "Answer an unsupported MCP-Protocol-Version header with 400 Bad Request.");
  return { outcome, excerpt: answer.excerpt, check: result("protocol_version", ok ? "pass" : "fail", [found], facts) };
}

/** The JSON-RPC error code of a refusal's body, when it is one (the excerpt holds the body of a non-2xx). */
function errorCode(excerpt: string | undefined, maxDepth: number): number | null {
  const body = excerpt ? parseJson(excerpt, maxDepth) : undefined;
  return isObject(body) && isObject(body.error) && typeof body.error.code === "number" ? body.error.code : null;
}
