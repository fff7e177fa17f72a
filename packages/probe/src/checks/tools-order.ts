// tools_order: two tools/list answers must list the same tools in the same order. Neither era's spec says
// "sorted", but 2026-07-28 makes list results cacheable and keyed by request (server/utilities/caching §Cache
// Key) and drops per-connection lists (changelog item 1, SEP-2567): a list whose order changes from call to
// call defeats caches and byte-level comparison at intermediaries, and re-orders an agent's context (prompt
// caches miss). Both eras: the 2026-07-28 era asked statelessly, the initialize era inside the probe's session.
import { isObject } from "../discovery/http-json";
import { finding, result, type CheckContext, type CheckOutput } from "./check-context";
import { listTools, modernEra, modernToolsList } from "./modern-era";
import { postRpc, requestId, type RpcAnswer } from "../net/raw-rpc";

export async function toolsOrderCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (ctx.transport === "stdio" || !ctx.endpoint) {
    return { outcome: { kind: "ok" }, check: result("tools_order", "not_applicable", [finding("transport", true, "compared over Streamable HTTP only, not stdio")], {}) };
  }
  const era = await modernEra(ctx);
  if (ctx.transport === "sse" && era.era !== "modern") {
    return { outcome: { kind: "ok" }, check: result("tools_order", "not_applicable", [finding("transport", true, "compared over Streamable HTTP only, not the deprecated HTTP+SSE transport")], { era: era.era }) };
  }
  let listed: Listed;
  if (era.era === "modern") {
    const one = await firstPage(modernToolsList(ctx, era.version));
    listed = "names" in one ? await pairWith(one.names, listTools(ctx, era.version)) : one;
  } else if (ctx.session.initialized) {
    const headers: Record<string, string> = { ...(ctx.session.protocolVersion ? { "mcp-protocol-version": ctx.session.protocolVersion } : {}), ...(ctx.session.sessionId ? { "mcp-session-id": ctx.session.sessionId } : {}) };
    const list = () => {
      const id = requestId();
      return postRpc(ctx, id, JSON.stringify({ jsonrpc: "2.0", id, method: "tools/list", params: {} }), headers);
    };
    // The probe's own tools/list, in the server's order, is the first answer: one request less per probe.
    const one = ctx.sessionToolOrder ? { names: ctx.sessionToolOrder } : await firstPage(list());
    listed = "names" in one ? await pairWith(one.names, list()) : one;
  } else {
    return { outcome: { kind: "ok" }, check: result("tools_order", "inconclusive", [finding("session", false, "neither server/discover nor an initialize session answered, so tools/list could not be asked")], { era: era.era }) };
  }
  if ("failed" in listed) {
    const failed = listed.failed;
    const why = failed.ok ? `answered ${failed.status}${failed.message?.error ? ` with error ${failed.message.error.code}` : ""}` : failed.failure.kind;
    return { outcome: failed.ok ? { kind: "ok", httpStatus: failed.status } : failed.failure, check: result("tools_order", "inconclusive", [finding("answered", false, `tools/list could not be compared: ${why}`)], { era: era.era }) };
  }
  const { a, b } = listed;
  const facts = { era: era.era, tools: a.length, firstPageOnly: true };
  if (a.length < 2) {
    return { outcome: { kind: "ok" }, check: result("tools_order", "not_applicable", [finding("order", true, `${a.length} tool(s): nothing to order`)], facts) };
  }
  const sameSet = a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
  if (!sameSet) {
    return { outcome: { kind: "ok" }, check: result("tools_order", "inconclusive", [finding("order", false, "the two lists name different tools (the list changed between calls), so order cannot be judged")], { ...facts, sameSet: false }) };
  }
  const same = a.every((name, i) => name === b[i]);
  const moved = a.filter((name, i) => name !== b[i]).length;
  const found = finding("order", same, same ? `two tools/list answers list ${a.length} tools in the same order` : `two tools/list answers list the same ${a.length} tools in different orders (${moved} moved)`,
    "Return tools/list in a stable order (e.g. sorted by name), so caches, gateways and agents' prompt caches see the same list each time.");
  return { outcome: { kind: "ok" }, check: result("tools_order", same ? "pass" : "fail", [found], { ...facts, sameSet: true, deterministic: same }) };
}

type Listed = { a: string[]; b: string[] } | { failed: RpcAnswer };

/** The first page's tool names, or the answer that gave none. */
async function firstPage(pending: Promise<RpcAnswer>): Promise<{ names: string[] } | { failed: RpcAnswer }> {
  const answer = await pending;
  return answer.ok && answer.message?.result ? { names: namesOf(answer.message.result) } : { failed: answer };
}

/** The second answer beside the first (both first pages). */
async function pairWith(first: string[], pending: Promise<RpcAnswer>): Promise<Listed> {
  const second = await firstPage(pending);
  return "names" in second ? { a: first, b: second.names } : second;
}

function namesOf(listResult: Record<string, unknown>): string[] {
  const tools = Array.isArray(listResult.tools) ? listResult.tools : [];
  return tools.map((t) => (isObject(t) && typeof t.name === "string" ? t.name : "")).filter(Boolean);
}
