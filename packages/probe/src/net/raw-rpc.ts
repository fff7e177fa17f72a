// One JSON-RPC request made on its own, as raw HTTP, outside the SDK client: by the protocol checks, so a check
// sees exactly what went on the wire (headers it mirrored or deliberately got wrong) and exactly what came back
// (status, JSON-RPC error code, result fields), and by the handshake's one-request era questions. Bounded: the guarded fetch bounds connect and bytes; here one timer bounds the
// whole exchange, body included, and an SSE answer is read only up to the response with our id.
import { randomBytes } from "node:crypto";
import { isObject, parseJson } from "../discovery/http-json";
import type { Redactor } from "../evidence/redactor";
import type { ProbeLimits } from "../limits";
import type { FetchLike } from "./guarded-fetch";
import { WireError, type WireFailure } from "./wire";

/** Where a raw request goes and what bounds and redacts it (a CheckContext is one). */
export interface RawRpcTarget {
  endpoint?: URL;
  limits: ProbeLimits;
  fetch: FetchLike;
  redactor: Redactor;
  /** The caller's headers and credential, sent when `withSession` is set. */
  sessionHeaders: () => Record<string, string>;
}

/** MCP 2026-07-28, the first revision of the stateless ("modern") era. */
export const MODERN_VERSION = "2026-07-28";

export interface RpcMessage {
  result?: Record<string, unknown>;
  error?: { code?: number; message?: string };
}

export type RpcAnswer =
  | { ok: true; status: number; raw: Headers; message?: RpcMessage; excerpt?: string }
  | { ok: false; failure: WireFailure };

/**
 * The 2026-07-28 request metadata (Streamable HTTP "Request Metadata"; basic/index `_meta` keys): protocol
 * version, client info and capabilities in `params._meta`, and the same version in MCP-Protocol-Version.
 */
export function modernBody(id: string, method: string, params: Record<string, unknown> = {}, version = MODERN_VERSION): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id,
    method,
    params: {
      ...params,
      _meta: {
        "io.modelcontextprotocol/protocolVersion": version,
        "io.modelcontextprotocol/clientInfo": { name: "kensa-readiness-check", version: "1" },
        "io.modelcontextprotocol/clientCapabilities": {},
      },
    },
  });
}

/** An initialize-era handshake request (the readiness checks' first request, the dual-era question). */export function initializeBody(id: string): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "kensa-readiness-check", version: "1" } },
  });
}

/** The standard headers the 2026-07-28 transport requires: Mcp-Method always, Mcp-Name for named calls. */
export function mirroredHeaders(method: string, name?: string, version = MODERN_VERSION): Record<string, string> {
  return { "mcp-protocol-version": version, "mcp-method": method, ...(name !== undefined ? { "mcp-name": name } : {}) };
}

export function requestId(): string {
  return `kensa-${randomBytes(4).toString("hex")}`;
}

/**
 * POST one JSON-RPC request to the MCP endpoint and read its answer. `headers` are sent as given (a check
 * that tests mirroring decides every header itself); the caller's own headers and credential come from
 * `ctx.sessionHeaders()` when `withSession` is set.
 */
export async function postRpc(ctx: RawRpcTarget, id: string, body: string, headers: Record<string, string>, withSession = true): Promise<RpcAnswer> {
  if (!ctx.endpoint) return { ok: false, failure: { kind: "blocked", reason: "scheme-not-allowed", detail: "no HTTP endpoint" } };
  const abort = new AbortController();
  const limitMs = ctx.limits.requestTimeoutMs;
  const timer = setTimeout(() => abort.abort(), limitMs);
  try {
    const sent = { ...(withSession ? ctx.sessionHeaders() : {}), "content-type": "application/json", accept: "application/json, text/event-stream", ...headers };
    const response = await ctx.fetch(ctx.endpoint, { method: "POST", headers: sent, body, redirect: "manual", signal: abort.signal });
    const eventStream = (response.headers.get("content-type") ?? "").includes("text/event-stream");
    const text = await readUntilAnswer(response, id, eventStream, ctx.limits.maxResponseBytes);
    const message = eventStream ? fromEventStream(text, id, ctx.limits.maxJsonDepth) : asMessage(parseJson(text, ctx.limits.maxJsonDepth));
    const excerpt = response.status >= 300 && text ? ctx.redactor.excerpt(text, ctx.limits.maxExcerptChars, false) : undefined;
    return { ok: true, status: response.status, raw: response.headers, ...(message ? { message } : {}), ...(excerpt ? { excerpt } : {}) };
  } catch (error) {
    if (error instanceof WireError) return { ok: false, failure: error.outcome };
    if (abort.signal.aborted) return { ok: false, failure: { kind: "timeout", phase: "request", limitMs } };
    return { ok: false, failure: { kind: "network-error", code: "ERR_NETWORK", message: ctx.redactor.redact(String((error as Error)?.message ?? error)) } };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text; an event stream is cut as soon as the response to `id` has arrived (a held stream never stalls). */
async function readUntilAnswer(response: Response, id: string, eventStream: boolean, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (bytes > maxBytes) break;
      if (eventStream && text.includes(id) && /\n\r?\n/.test(text.slice(text.indexOf(id)))) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

function fromEventStream(text: string, id: string, maxDepth: number): RpcMessage | undefined {
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
    const parsed = parseJson(data, maxDepth);
    if (isObject(parsed) && parsed.id === id) return asMessage(parsed);
  }
  return undefined;
}

function asMessage(value: unknown): RpcMessage | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.result)) return { result: value.result };
  if (isObject(value.error)) {
    const e = value.error;
    return { error: { ...(typeof e.code === "number" ? { code: e.code } : {}), ...(typeof e.message === "string" ? { message: e.message } : {}) } };
  }
  return undefined;
}
