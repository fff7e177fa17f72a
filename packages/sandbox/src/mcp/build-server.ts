// A fresh SDK McpServer for one request (stateless): the category's tools, filtered by the caller's scope,
// answering with structured or text-only errors and echoing W3C traceparent in _meta as the profile says.
// The initialize era is served by the v1 SDK (as the fleet always has, so calibrated stories keep their
// wire); the 2026-07-28 modern era by the v2 SDK (`@modelcontextprotocol/server`). Both register the same
// tools through answerTool, so the two eras of one service never drift apart.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { McpServer as ModernMcpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ServiceRuntime } from "../fleet/service-runtime";
import type { ToolDefinition } from "./category-tools";
import { presentTool, type PresentedTool } from "./tool-style";

/**
 * Built once and shared: a fresh server is made per request (stateless), and by default each would compile
 * its own Ajv instance (only for elicitation, which the fleet never sends) — over half a sandbox request's CPU.
 */
const sharedValidator = new AjvJsonSchemaValidator();

/** A service's tools as its profile presents them, built once per service (zod schemas are immutable). */
type Presented = { v1: PresentedTool; modern: Omit<PresentedTool, "inputSchema"> & { inputSchema: z.ZodObject<z.ZodRawShape> } };
const presentedByService = new WeakMap<ServiceRuntime, Map<ToolDefinition, Presented>>();

function presented(rt: ServiceRuntime, tool: ToolDefinition): Presented {
  let byTool = presentedByService.get(rt);
  if (!byTool) presentedByService.set(rt, (byTool = new Map()));
  let found = byTool.get(tool);
  if (!found) {
    const v1 = presentTool(tool, rt.toolStyle, rt.profile.errorShape === "structured");
    // The v2 SDK wants an object schema where v1 took the raw shape.
    found = { v1, modern: { ...v1, inputSchema: z.object(v1.inputSchema) } };
    byTool.set(tool, found);
  }
  return found;
}

export type ToolFailure = "invalid_input" | "not_found";

const injectedMessages: Record<ToolFailure, string> = {
  invalid_input: "the arguments were rejected by the service's validation",
  not_found: "the requested record no longer exists",
};

function toolError(rt: ServiceRuntime, errorClass: ToolFailure, message: string, field: string | undefined, meta: object): CallToolResult {
  if (rt.profile.errorShape === "text-only") return { isError: true, content: [{ type: "text", text: `Error: ${message}` }], ...meta };
  const code = errorClass === "invalid_input" ? -32602 : -32002;
  return {
    isError: true,
    content: [{ type: "text", text: `${errorClass}: ${message}` }],
    structuredContent: { error: { class: errorClass, code, message, ...(field ? { field } : {}) } },
    ...meta,
  };
}

/** One tools/call answered: the injected failure if drawn, else the tool's own outcome. */
function answerTool(rt: ServiceRuntime, tool: ToolDefinition, args: Record<string, unknown>, traceparent: unknown, injected: ToolFailure | null): CallToolResult {
  const meta = rt.profile.traceContext === "echo" && typeof traceparent === "string" ? { _meta: { traceparent } } : {};
  if (injected) return toolError(rt, injected, injectedMessages[injected], undefined, meta);
  const outcome = tool.run(args);
  if (!outcome.ok) return toolError(rt, outcome.errorClass, outcome.message, outcome.field, meta);
  return {
    content: [{ type: "text", text: JSON.stringify(outcome.data) }],
    ...(rt.profile.errorShape === "structured" ? { structuredContent: outcome.data } : {}),
    ...meta,
  };
}

function grantedTools(rt: ServiceRuntime, scope: string): ToolDefinition[] {
  const granted = new Set(scope.split(/\s+/));
  return rt.tools.filter((tool) => granted.has(tool.readOnly ? "mcp:read" : "mcp:write"));
}

export function buildMcpServer(rt: ServiceRuntime, scope: string, injected: ToolFailure | null): McpServer {
  const server = new McpServer({ name: `${rt.id}-mcp`, title: rt.entry.name.en, version: "1.0.0" }, { capabilities: { tools: {} }, jsonSchemaValidator: sharedValidator });
  for (const tool of grantedTools(rt, scope)) {
    server.registerTool(tool.name, presented(rt, tool).v1, async (args: Record<string, unknown>, extra) =>
      answerTool(rt, tool, args, extra._meta?.traceparent, injected),
    );
  }
  return server;
}

/** The same service for a 2026-07-28 request, on the v2 SDK. */
export function buildModernMcpServer(rt: ServiceRuntime, scope: string, injected: ToolFailure | null): ModernMcpServer {
  const server = new ModernMcpServer({ name: `${rt.id}-mcp`, title: rt.entry.name.en, version: "1.0.0" }, { capabilities: { tools: {} } });
  for (const tool of grantedTools(rt, scope)) {
    server.registerTool(tool.name, presented(rt, tool).modern, async (args: Record<string, unknown>, ctx) =>
      answerTool(rt, tool, args, ctx.mcpReq._meta?.traceparent, injected) as never,
    );
  }
  return server;
}
