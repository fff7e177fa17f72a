// report_outcome on Kensa's MCP server: an agent reports a call it made to a vendor. The use case (token
// scope, validation, scrubbing, rate limits, idempotency by report id) lives in @kensa/services; this file
// only binds it to the SDK. Over HTTP the reporter token is the request's bearer token; over stdio there is
// no request, so the tool answers that a token is required (a tool error, never a protocol error).
import type { CallToolResult, StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { Database } from "@kensa/db";
import type { ToolRegistration } from "@kensa/mcp";
import { reportOutcome, reportOutcomeTool, reporterFromAuthorization } from "@kensa/services";

export function reportOutcomeRegistration(database: () => Promise<Database>): ToolRegistration {
  const { name, title, description, inputSchema, outputSchema, annotations } = reportOutcomeTool;
  return {
    name,
    register(server, context) {
      server.registerTool(
        name,
        {
          title,
          description,
          // zod 4 schemas are Standard Schemas with JSON Schema; the SDK's generic types want that spelled out.
          inputSchema: inputSchema as unknown as StandardSchemaWithJSON,
          outputSchema: outputSchema as unknown as StandardSchemaWithJSON,
          annotations: { title, ...annotations },
        },
        async (args: unknown): Promise<CallToolResult> => {
          const db = await database();
          const token = await reporterFromAuthorization(db, context.request?.headers.get("authorization"));
          const result = await reportOutcome({ db, now: Date.now() }, token, args);
          if (result.ok) {
            const data = result.data as Record<string, unknown>;
            return { content: [{ type: "text", text: `${String(data.status)}: report ${String(data.reportId)}` }], structuredContent: data };
          }
          const { error } = result;
          const detail = [error.message, error.parameter ? `(argument "${error.parameter}")` : "", error.expected ? `expected: ${error.expected}` : ""].filter(Boolean).join(" ");
          return { isError: true, content: [{ type: "text", text: detail }], structuredContent: { error } };
        },
      );
    },
  };
}
