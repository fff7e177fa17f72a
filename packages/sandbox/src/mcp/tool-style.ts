// How a sandbox service writes its tools/list: the same tools, presented with the care its profile says
// (or, when the profile leaves it open, a style drawn from the service id so the fleet varies and each
// service stays the same across restarts). Realistic spread for the tools axis of methodology 1.2:
//   curated — descriptions that say when to use the tool, every property described, all hints, titles, and
//             output schemas on list/get tools (only where the service returns structuredContent);
//   typical — the short descriptions as written, some properties undescribed, all hints;
//   sparse  — descriptions that restate the name, no property descriptions, readOnlyHint alone.
import { z } from "zod";
import type { BehaviourProfile, ToolDefinitionStyle } from "@kensa/core";
import type { ToolDefinition } from "./category-tools";
import { streamSeed } from "../util/seeded-random";

export function toolStyleOf(serviceId: string, profile: BehaviourProfile): ToolDefinitionStyle {
  if (profile.toolDefinitions) return profile.toolDefinitions;
  // Not from the fleet seed: a service's tool list is part of what it is, like its name.
  const bucket = streamSeed("tool-style", serviceId) % 4;
  return bucket === 0 ? "curated" : bucket === 3 ? "sparse" : "typical";
}

export interface PresentedTool {
  title?: string;
  description: string;
  inputSchema: z.ZodRawShape;
  outputSchema?: z.ZodType;
  annotations: { readOnlyHint: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
}

/** `structured`: the service answers with structuredContent, so an output schema can hold it to its word. */
export function presentTool(tool: ToolDefinition, style: ToolDefinitionStyle, structured: boolean): PresentedTool {
  const words = tool.name.replace(/_/g, " ");
  switch (style) {
    case "curated":
      return {
        title: words.replace(/^./, (c) => c.toUpperCase()),
        description: `${tool.description} ${tool.readOnly ? "Read-only: it changes nothing, so it is safe to retry." : "Writes data: calling it twice creates two records."}`,
        inputSchema: mapFields(tool, (key, field) => (field.description ? field : field.describe(`${key.replace(/_/g, " ")} to filter or identify by`))),
        ...(structured ? outputSchemaOf(tool) : {}),
        annotations: { readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: tool.readOnly, openWorldHint: false },
      };
    case "typical":
      return { description: tool.description, inputSchema: tool.input, annotations: { readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: tool.readOnly, openWorldHint: false } };
    case "sparse":
      return {
        description: words,
        inputSchema: mapFields(tool, (_key, field) => (field.description ? field.meta({ description: undefined }) : field)),
        annotations: { readOnlyHint: tool.readOnly },
      };
  }
}

function mapFields(tool: ToolDefinition, change: (key: string, field: z.ZodType) => z.ZodType): z.ZodRawShape {
  return Object.fromEntries(Object.entries(tool.input).map(([key, field]) => [key, change(key, field as z.ZodType)]));
}

/** The fields every record has (entities.ts recordOf). Every field is optional and the object loose: the v1 SDK
 * client validates structuredContent against the listed schema even on isError results, whose structured
 * error ({ error: { class, code, message } }) must pass too; money records carry more fields. */
const errorField = { error: z.looseObject({ class: z.string(), code: z.number(), message: z.string() }).optional().describe("present only on failures") };
const recordFields = {
  id: z.string().optional().describe("the record's id"),
  name: z.string().optional().describe("display name"),
  status: z.string().optional().describe("the record's status"),
  created_at: z.string().optional().describe("creation time, ISO 8601"),
};

/** list_/get_ tools answer with a page of records or one record (category-tools.ts). */
function outputSchemaOf(tool: ToolDefinition): { outputSchema?: z.ZodType } {
  if (tool.name.startsWith("list_")) {
    return {
      outputSchema: z.looseObject({
        items: z.array(z.looseObject(recordFields)).optional().describe("the records of this page"),
        next_cursor: z.string().nullable().optional().describe("pass as cursor for the next page; null on the last"),
        ...errorField,
      }),
    };
  }
  if (tool.name.startsWith("get_")) return { outputSchema: z.looseObject({ ...recordFields, ...errorField }) };
  return {};
}
