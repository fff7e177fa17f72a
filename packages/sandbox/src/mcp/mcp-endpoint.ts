// POST /s/<id>/mcp: the whole life of one request to a simulated service — authentication, rate limit,
// the seeded draw (latency, injected failure), then a real SDK server over stateless Streamable HTTP: the v1
// SDK for the initialize era, the v2 SDK for the 2026-07-28 era where the service serves it (modern-endpoint.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { authenticate } from "../auth/authenticate";
import { holdOpen, injectHttpFailure, isToolFailure } from "../behaviour/inject-failure";
import type { Fleet, ServiceRuntime } from "../fleet/service-runtime";
import { readBody, sendJson, sendText } from "../util/http";
import { buildMcpServer, type ToolFailure } from "./build-server";
import { handleModern, servesModern } from "./modern-endpoint";

const rpcError = (code: number, message: string, id: unknown = null) => ({ jsonrpc: "2.0", id, error: { code, message } });

/** The first request in a message or batch: what the draw and the failure are about. */
function firstRequest(body: unknown): { method?: string; id?: unknown } {
  const first = Array.isArray(body) ? body[0] : body;
  return first && typeof first === "object" ? (first as { method?: string; id?: unknown }) : {};
}

/** A lenient server ignores a bogus MCP-Protocol-Version instead of refusing it (the SDK would say 400). */
function relaxProtocolVersion(req: IncomingMessage): void {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === "mcp-protocol-version" && !SUPPORTED_PROTOCOL_VERSIONS.includes(raw[i + 1]!)) raw[i + 1] = LATEST_PROTOCOL_VERSION;
  }
}

export async function handleMcp(req: IncomingMessage, res: ServerResponse, rt: ServiceRuntime, fleet: Fleet): Promise<void> {
  if (req.method !== "POST") return sendJson(res, 405, rpcError(-32000, "Method not allowed: this server is stateless (POST only)"), { allow: "POST" });
  const raw = await readBody(req);
  if (raw === null) return sendJson(res, 413, rpcError(-32600, "Request body too large"));
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    parsed = false;
  }
  const request = firstRequest(body);
  if (fleet.onExchange) {
    const exchange = { serviceId: rt.id, rpcMethod: request.method };
    fleet.onExchange({ ...exchange, phase: "request" });
    res.once("close", () => fleet.onExchange?.({ ...exchange, phase: "response" }));
  }
  const auth = authenticate(req, rt, fleet);
  if (!auth.ok) {
    const answer = { error: auth.error, error_description: auth.description };
    return rt.profile.errorShape === "structured" ? sendJson(res, auth.status, answer, auth.headers) : sendText(res, auth.status, auth.description, auth.headers);
  }
  const path = auth.viaGateway ? "gateway" : "direct";
  const limit = rt.limits[path].take();
  if (!limit.allowed) {
    const headers: Record<string, string> = rt.profile.rateLimit?.retryAfter ? { "retry-after": String(limit.retryAfterSec) } : {};
    return sendJson(res, 429, { error: "rate_limited", error_description: "Rate limit exceeded" }, headers);
  }
  if (!parsed) return sendJson(res, 400, rpcError(-32700, "Parse error"));
  const draw = rt.draws[path].next(request.method === "tools/call");
  if (!(await holdOpen(draw.latencyMs, res, fleet))) return;
  let injected: ToolFailure | null = null;
  if (draw.failure && isToolFailure(draw.failure)) injected = draw.failure;
  else if (draw.failure && (await injectHttpFailure(draw.failure, req, res, rt, fleet, request.id))) return;
  if (await servesModern(rt, req, body)) return handleModern(req, res, rt, body, { scope: auth.scope, injected });
  // Initialize era only: the v1 list of versions knows nothing of 2026-07-28, so a modern request must not be relaxed.
  if (rt.profile.protocolVersion === "lenient") relaxProtocolVersion(req);

  const server = buildMcpServer(rt, auth.scope, injected);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: rt.profile.responseMode === "json" });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}
