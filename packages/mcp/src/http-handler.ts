// /mcp over Streamable HTTP, both protocol eras (the SDK's createMcpHandler: 2026-07-28 per-request
// envelopes, and stateless serving for initialize-era clients), as a web-standard fetch handler: the
// dashboard mounts it as a Next route handler, tests behind a plain node:http listener.
import { createMcpHandler, originValidationResponse } from "@modelcontextprotocol/server";
import { createKensaMcpServer } from "./create-server";
import type { KensaReads } from "./reads";
import { requestOrigin } from "./request-origin";
import type { ToolRegistration } from "./tool-registration";

export interface KensaMcpHttpOptions {
  /** Called per request: the host finds its database lazily (next start opens it on first use). */
  reads: () => Promise<KensaReads> | KensaReads;
  tools?: readonly ToolRegistration[];
  /** Public origin for links; defaults to the request's own origin. */
  origin?: string;
  onerror?: (error: Error) => void;
}

/** Requests are small JSON-RPC messages; anything larger is refused (413) before it is parsed. */
const maxRequestBodySize = 64 * 1024;

export function createKensaMcpHttpHandler(options: KensaMcpHttpOptions): (request: Request) => Promise<Response> {
  const handler = createMcpHandler(
    async (ctx) => createKensaMcpServer({
      reads: await options.reads(),
      origin: options.origin ?? (ctx.requestInfo ? requestOrigin(ctx.requestInfo) : undefined),
      ...(options.tools ? { tools: options.tools } : {}),
      ...(ctx.requestInfo ? { request: ctx.requestInfo } : {}),
    }),
    { maxRequestBodySize, ...(options.onerror ? { onerror: options.onerror } : {}) },
  );
  return async (request) => sameOriginOnly(request) ?? handler.fetch(request);
}

/**
 * A browser page on another origin must not drive the server (DNS rebinding, MCP transport security): a
 * request carrying an Origin header is served only when that origin's host is the one the request was sent
 * to. Agents and CLIs send no Origin header and are unaffected.
 */
function sameOriginOnly(request: Request): Response | undefined {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const hostname = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return originValidationResponse(request, [hostname]);
}
