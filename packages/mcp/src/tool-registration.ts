// The seam between the server and its tools: a tool is a registration the server applies to each fresh
// McpServer (one per HTTP request, one per stdio connection). The read tools close over the reads port;
// a tool with other needs (report_outcome: a token check and a write use-case) closes over its own.
import type { CallToolResult, McpServer, ServerContext, StandardSchemaWithJSON, ToolAnnotations } from "@modelcontextprotocol/server";
import type { z } from "zod";
import type { KensaReads } from "./reads";
import { continuedTrace } from "./trace-context";
import { toolAnswer, toolError, type ArgumentProblem } from "./tool-result";

/** Per instance: what every tool may use. */
export interface ToolContext {
  reads: KensaReads;
  /** Absolute URL for a dashboard path when the public origin is known, else the path itself. */
  link(path: string): string;
  /** The HTTP request being served (absent over stdio): a tool needing a credential reads it here. */
  request?: Request;
}

export interface ToolRegistration {
  /** SEP-986 tool name: what tools/list shows and tools/call takes. */
  readonly name: string;
  register(server: McpServer, context: ToolContext): void;
}

export type ToolOutcome<O> = { ok: true; value: O; text: string } | { ok: false; problem: ArgumentProblem };

export interface ToolSpec<I extends z.ZodType, O extends z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  run(args: z.output<I>, context: ToolContext): Promise<ToolOutcome<z.output<O>>>;
}

/** A tool whose answer is structured content (validated by the SDK against `output`) plus a short text. */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(spec: ToolSpec<I, O>): ToolRegistration {
  return {
    name: spec.name,
    register(server, context) {
      // zod 4 schemas are Standard Schemas with JSON Schema; the SDK's generic types want that spelled out.
      const inputSchema = spec.input as unknown as StandardSchemaWithJSON;
      const outputSchema = spec.output as unknown as StandardSchemaWithJSON;
      server.registerTool(
        spec.name,
        { title: spec.title, description: spec.description, inputSchema, outputSchema, annotations: { title: spec.title, ...spec.annotations } },
        async (args: unknown, ctx: ServerContext): Promise<CallToolResult> => {
          const outcome = await spec.run(args as z.output<I>, context);
          const result = outcome.ok ? toolAnswer(outcome.value as Record<string, unknown>, outcome.text) : toolError(outcome.problem);
          const trace = continuedTrace(ctx.mcpReq._meta);
          return trace ? { ...result, _meta: trace } : result;
        },
      );
    },
  };
}

/** Kensa's public figures: reading them changes nothing, and they come from Kensa's own database. */
export const readOnly: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
