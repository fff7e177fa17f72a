// header_mirroring (MCP 2026-07-28, basic/transports/streamable-http §Request Metadata, §Standard Request
// Headers, §Server Validation; SEP-2243): the transport mirrors `method` into Mcp-Method and `params.name` /
// `params.uri` into Mcp-Name so intermediaries can route without parsing the body. The spec mirrors these on
// requests only (responses carry none), so "present and agreeing" is judged from the server's side of the
// contract: a request whose headers agree with its body is served, and one whose headers disagree, or lack
// Mcp-Method, is refused with 400 Bad Request and JSON-RPC error -32020 (HeaderMismatch) — otherwise a gateway
// routing on the header and a server executing the body act on different requests.
// Safe by construction: the mismatched tools/call names two tools that do not exist, so a server that does
// not validate answers "unknown tool" instead of running anything.
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";
import { eraGate, modernEra, modernToolsList } from "./modern-era";
import { mirroredHeaders, modernBody, postRpc, requestId, type RpcAnswer } from "../net/raw-rpc";

const HEADER_MISMATCH = -32020;

export async function headerMirroringCheck(ctx: CheckContext): Promise<CheckOutput> {
  const era = await modernEra(ctx);
  const gate = eraGate(era);
  if (gate || era.era !== "modern") {
    return { outcome: { kind: "ok" }, check: result("header_mirroring", gate?.verdict ?? "inconclusive", [finding("era", gate?.verdict === "not_applicable", gate?.message ?? "era unknown")], { era: era.era }) };
  }
  const v = era.version;
  const send = (method: string, params: Record<string, unknown>, headers: Record<string, string>) => {
    const id = requestId();
    return postRpc(ctx, id, modernBody(id, method, params, v), headers);
  };
  const ghost = `kensa-no-such-tool-${requestId()}`;
  const agreeing = await modernToolsList(ctx, v);
  if (!agreeing.ok) {
    return { outcome: agreeing.failure, check: result("header_mirroring", "inconclusive", [finding("reachable", false, `tools/list with mirrored headers failed: ${agreeing.failure.kind}`)], { era: "modern" }) };
  }
  if (agreeing.status === 401 || agreeing.status === 403) {
    return { outcome: { kind: "ok", httpStatus: agreeing.status }, excerpt: agreeing.excerpt, check: result("header_mirroring", "inconclusive", [finding("authorized", false, `tools/list was refused with ${agreeing.status}: no usable credential to test with`)], { era: "modern", agreeingStatus: agreeing.status }) };
  }
  const { "mcp-method": _omitted, ...withoutMethod } = mirroredHeaders("tools/list", undefined, v);
  // Independent of each other: asked together, each under its own timer.
  const [methodMismatch, nameMismatch, missing] = await Promise.all([
    send("tools/list", {}, mirroredHeaders("prompts/list", undefined, v)),
    send("tools/call", { name: ghost, arguments: {} }, mirroredHeaders("tools/call", `${ghost}-other`, v)),
    send("tools/list", {}, withoutMethod),
  ]);

  const served = agreeing.status >= 200 && agreeing.status < 300 && agreeing.message?.result !== undefined;
  const judged = [methodMismatch, nameMismatch, missing].map(rejection);
  const [method, name, absent] = judged as [Rejection, Rejection, Rejection];
  const facts = {
    era: "modern",
    protocolVersion: v,
    agreeingStatus: agreeing.status,
    methodMismatchStatus: method.status,
    methodMismatchCode: method.code,
    nameMismatchStatus: name.status,
    nameMismatchCode: name.code,
    missingHeaderStatus: absent.status,
    missingHeaderCode: absent.code,
    /** A request whose headers disagree with its body was served: routing and execution can diverge. */
    mismatchAccepted: judged.some((r) => r.served),
    /** Refused with 400 but not the -32020 the spec names (partial credit in methodology 1.2). */
    rejectedWithout32020: judged.some((r) => r.status === 400 && r.code !== HEADER_MISMATCH),
  };
  const fix32020 = "Compare Mcp-Method and Mcp-Name with the body's method and params.name / params.uri, and answer any disagreement or missing header with 400 Bad Request and JSON-RPC error -32020 (HeaderMismatch).";
  const findings = [
    finding("accepts-mirrored", served, served ? "a tools/list with agreeing Mcp-Method and MCP-Protocol-Version headers was served" : `a tools/list with agreeing headers was answered ${agreeing.status}${agreeing.message?.error ? ` (error ${agreeing.message.error.code})` : ""}`,
      "Serve requests that carry the standard MCP headers (MCP-Protocol-Version, Mcp-Method, Mcp-Name) and let intermediaries pass them through."),
    finding("rejects-method-mismatch", method.ok, describe("Mcp-Method: prompts/list on a tools/list body", method), fix32020),
    finding("rejects-name-mismatch", name.ok, describe("an Mcp-Name naming another tool than params.name", name), fix32020),
    finding("rejects-missing-header", absent.ok, describe("a tools/list without Mcp-Method", absent), fix32020),
  ];
  const excerpt = [methodMismatch, nameMismatch, missing].map((a, i) => `${["method mismatch", "name mismatch", "missing Mcp-Method"][i]}: ${a.ok ? `${a.status} ${a.excerpt ?? ""}`.trim() : a.failure.kind}`).join("\n");
  return {
    outcome: { kind: "ok", httpStatus: agreeing.status },
    excerpt: ctx.redactor.excerpt(excerpt, ctx.limits.maxExcerptChars, false),
    check: result("header_mirroring", verdictOf(findings, findings.map((f) => f.id)), findings, facts),
  };
}

interface Rejection {
  ok: boolean;
  served: boolean;
  status: number | null;
  code: number | null;
  failure?: string;
}

function rejection(answer: RpcAnswer): Rejection {
  if (!answer.ok) return { ok: false, served: false, status: null, code: null, failure: answer.failure.kind };
  const code = answer.message?.error?.code ?? null;
  // 2xx with a JSON-RPC error is still the body being acted on (e.g. "unknown tool"): the header was ignored.
  const served = answer.status >= 200 && answer.status < 300;
  return { ok: answer.status === 400 && code === HEADER_MISMATCH, served, status: answer.status, code };
}

function describe(what: string, r: Rejection): string {
  if (r.failure) return `${what}: the request failed (${r.failure})`;
  if (r.ok) return `${what} was refused with 400 and -32020 (HeaderMismatch)`;
  if (r.served) return `${what} was served (${r.status}): the server does not check the mirrored headers`;
  return `${what} was answered ${r.status}${r.code !== null ? ` with error ${r.code}` : ""}, not 400 with -32020`;
}
