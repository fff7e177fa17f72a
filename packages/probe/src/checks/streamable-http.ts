// streamable_http (MCP 2026-07-28, basic/transports/streamable-http §Backward Compatibility → HTTP+SSE
// Transport; deprecated.mdx; SEP-2596): the HTTP+SSE transport of 2024-11-05 is deprecated and eligible for
// removal; servers SHOULD migrate to Streamable HTTP. A server the probe reached over Streamable HTTP passes.
// One reached only over HTTP+SSE is asked once more by POST at its URL and at the conventional sibling
// (`…/sse` → `…/mcp`): any JSON-RPC answer there means Streamable HTTP is offered too; none means it offers
// only the deprecated transport. Long-lived SSE streams also need session affinity at every gateway.
import { isObject, parseJson } from "../discovery/http-json";
import { checkRequest } from "./check-request";
import { finding, jsonRpcHeaders, result, type CheckContext, type CheckOutput } from "./check-context";
import { modernEra } from "./modern-era";
import { initializeBody, requestId } from "../net/raw-rpc";

export async function streamableHttpCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport === "stdio" || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("streamable_http", "not_applicable", [finding("transport", true, "stdio servers use no HTTP transport")], { transport: "stdio" }) };
  }
  if (ctx.transport === "streamable-http") {
    const era = await modernEra(ctx);
    if (ctx.session.initialized || era.era === "modern") {
      return { outcome: { kind: "ok" }, check: result("streamable_http", "pass", [finding("streamable", true, `the probe reached the server over Streamable HTTP (${era.era === "modern" ? "2026-07-28 era" : "initialize era"})`)], { transport: "streamable-http", legacySseOnly: false }) };
    }
    return { outcome: { kind: "ok" }, check: result("streamable_http", "inconclusive", [finding("session", false, "the server could not be reached over Streamable HTTP to tell")], { transport: "streamable-http" }) };
  }
  // The session fell back to HTTP+SSE; a 2026-07-28-only server (which refuses initialize) still answers POST.
  const era = await modernEra(ctx);
  if (era.era === "modern") {
    return { outcome: { kind: "ok" }, check: result("streamable_http", "pass", [finding("streamable", true, "server/discover answers over Streamable HTTP (2026-07-28 era)")], { transport: "streamable-http", legacySseOnly: false }) };
  }
  const candidates = [ctx.endpoint.href];
  if (/\/sse\/?$/.test(ctx.endpoint.pathname)) candidates.push(new URL(ctx.endpoint.pathname.replace(/\/sse\/?$/, "/mcp") + ctx.endpoint.search, ctx.endpoint).href);
  const tried: string[] = [];
  for (const url of candidates) {
    const answer = await checkRequest({ ...ctx, endpoint: new URL(url) }, { method: "POST", headers: { ...ctx.sessionHeaders(), ...jsonRpcHeaders }, body: initializeBody(requestId()) });
    tried.push(`${ctx.redactor.redactUrl(url)} → ${answer.ok ? answer.status : answer.failure.kind}`);
    if (!answer.ok) continue;
    const body = answer.excerpt ? parseJson(answer.excerpt, ctx.limits.maxJsonDepth) : undefined;
    const jsonRpcError = isObject(body) && body.jsonrpc === "2.0" && isObject(body.error);
    if ((answer.status >= 200 && answer.status < 300) || jsonRpcError) {
      return { outcome: { kind: "ok", httpStatus: answer.status }, check: result("streamable_http", "pass", [finding("streamable", true, `Streamable HTTP answers at ${ctx.redactor.redactUrl(url)} beside the HTTP+SSE endpoint`)], { transport: "sse", legacySseOnly: false, tried: tried.join("; ") }) };
    }
    if (answer.status === 401 || answer.status === 403) {
      return { outcome: { kind: "ok", httpStatus: answer.status }, check: result("streamable_http", "inconclusive", [finding("authorized", false, `a Streamable HTTP POST to ${ctx.redactor.redactUrl(url)} was refused with ${answer.status}`)], { transport: "sse", tried: tried.join("; ") }) };
    }
  }
  const found = finding("streamable", false, `only the deprecated HTTP+SSE transport is offered (${tried.join("; ")})`,
    "Serve Streamable HTTP (a single MCP endpoint that accepts POST); keep the HTTP+SSE endpoints only beside it for old clients (deprecated since 2025-03-26).");
  return { outcome: { kind: "ok" }, excerpt: tried.join("\n"), check: result("streamable_http", "fail", [found], { transport: "sse", legacySseOnly: true, tried: tried.join("; ") }) };
}
