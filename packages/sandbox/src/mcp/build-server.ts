// A fresh SDK McpServer for one request (stateless Streamable HTTP): the category's tools, filtered by the
// caller's scope, answering with structured or text-only errors and echoing W3C traceparent in _meta as
// the profile says.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ServiceRuntime } from "../fleet/service-runtime";
import { presentTool } from "./tool-style";

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

export function buildMcpServer(rt: ServiceRuntime, scope: string, injected: ToolFailure | null): McpServer {
  const server = new McpServer({ name: `${rt.id}-mcp`, title: rt.entry.name.en, version: "1.0.0" }, { capabilities: { tools: {} } });
  const granted = new Set(scope.split(/\s+/));
  for (const tool of rt.tools) {
    if (!granted.has(tool.readOnly ? "mcp:read" : "mcp:write")) continue;
    server.registerTool(
      tool.name,
      presentTool(tool, rt.toolStyle, rt.profile.errorShape === "structured"),
      async (args: Record<string, unknown>, extra) => {
        const traceparent = extra._meta?.traceparent;
        const meta = rt.profile.traceContext === "echo" && typeof traceparent === "string" ? { _meta: { traceparent } } : {};
        if (injected) return toolError(rt, injected, injectedMessages[injected], undefined, meta);
        const outcome = tool.run(args);
        if (!outcome.ok) return toolError(rt, outcome.errorClass, outcome.message, outcome.field, meta);
        return {
          content: [{ type: "text", text: JSON.stringify(outcome.data) }],
          ...(rt.profile.errorShape === "structured" ? { structuredContent: outcome.data } : {}),
          ...meta,
        };
      },
    );
  }
  return server;
}
