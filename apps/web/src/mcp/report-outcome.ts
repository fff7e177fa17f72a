// report_outcome on Kensa's MCP server: an agent reports a call it made to a vendor. The use case (token
// scope, validation, scrubbing, rate limits, idempotency by report id) lives in @kensa/services; this file
// only binds it to the SDK. The tool is listed only to a request carrying a bearer token (the reporter token):
// the public, unauthenticated /mcp stays a read-only server — which is what Kensa's scan of itself judges — and
// a wrong or under-scoped token gets a tool error naming what is missing. Over stdio there is no request, so
// `kensa mcp` serves the read tools only.
import type { CallToolResult, StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import type { Database } from "@kensa/db";
import type { ToolRegistration } from "@kensa/mcp";
import { reportOutcome, reportOutcomeTool, reporterFromAuthorization } from "@kensa/services";

export function reportOutcomeRegistration(database: () => Promise<Database>): ToolRegistration {
  const { name, title, description, inputSchema, outputSchema, annotations } = reportOutcomeTool;
  return {
    name,
    register(server, context) {
      if (!/^bearer\s+\S/i.test(context.request?.headers.get("authorization") ?? "")) return;
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
