// The tool definitions a run keeps from tools/list: what the tools axis judges. Bounded so that a server
// listing thousands of tools, or schemas of megabytes, cannot make every stored run and grade huge: the
// first tools in name order up to a byte budget, each field cut to a limit; what was left out is counted.
import { z } from "zod";

/** Per tool: a description longer than this is cut (the rules only need to know it is long). */
export const MAX_DESCRIPTION_CHARS = 1000;
/** Per schema, as JSON: a larger one is not kept (its tool's schema rules are then not judged). */
export const MAX_SCHEMA_CHARS = 8000;
/** All kept definitions together, as JSON: with the names list and the rest of the summary a stored run summary stays
 * within its 64 KiB bound (test/hostile huge-tool-list). */
export const MAX_DEFINITIONS_CHARS = 48_000;
const MAX_NAME_CHARS = 200;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** A schema as kept: always the output of JSON.parse (keepToolDefinitions) or of stored JSON, so only its top is
 * checked — a deep z.json() walk cost 8 ms per 100 tools on every grade. */
const JsonValue = z.custom<Json>((v) => v === null || ["string", "number", "boolean", "object"].includes(typeof v), "expected JSON");

export const ToolDefinitionRecord = z.object({
  /** As listed (cut at 200 characters; the SEP-986 limit is 128, so a cut name is already judged invalid). */
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** The schema as listed; absent when the tool had none or it was too large to keep (see `schemaTooLarge`). */
  inputSchema: JsonValue.optional(),
  outputSchema: JsonValue.optional(),
  /** Which of inputSchema / outputSchema were listed but larger than MAX_SCHEMA_CHARS. */
  schemaTooLarge: z.array(z.enum(["input", "output"])).optional(),
  /** Only the boolean hints are kept. */
  annotations: z.record(z.string(), z.boolean()).optional(),
});
export type ToolDefinitionRecord = z.infer<typeof ToolDefinitionRecord>;

export interface KeptDefinitions {
  definitions: ToolDefinitionRecord[];
  /** Tools listed but not kept (over the budget). */
  omitted: number;
}

/** `tools` as tools/list returned them (untrusted: any field may be missing or of the wrong type). */
export function keepToolDefinitions(tools: readonly unknown[]): KeptDefinitions {
  const records = tools.map(recordOf).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const definitions: ToolDefinitionRecord[] = [];
  let used = 0;
  for (const record of records) {
    const size = JSON.stringify(record).length;
    if (used + size > MAX_DEFINITIONS_CHARS) break;
    definitions.push(record);
    used += size;
  }
  return { definitions, omitted: records.length - definitions.length };
}

function recordOf(tool: unknown): ToolDefinitionRecord {
  const t = isObject(tool) ? tool : {};
  const tooLarge: ("input" | "output")[] = [];
  const schema = (which: "input" | "output") => {
    const value = t[`${which}Schema`];
    if (value === undefined) return undefined;
    const json = safeJson(value);
    if (json === undefined) return null;
    if (json.length > MAX_SCHEMA_CHARS) {
      tooLarge.push(which);
      return undefined;
    }
    return JSON.parse(json) as Json;
  };
  const inputSchema = schema("input");
  const outputSchema = schema("output");
  const annotations = isObject(t.annotations)
    ? Object.fromEntries(Object.entries(t.annotations).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean").slice(0, 16))
    : undefined;
  return {
    name: (typeof t.name === "string" ? t.name : String(t.name ?? "")).slice(0, MAX_NAME_CHARS),
    ...(typeof t.title === "string" ? { title: t.title.slice(0, MAX_NAME_CHARS) } : {}),
    ...(typeof t.description === "string" ? { description: t.description.slice(0, MAX_DESCRIPTION_CHARS) } : {}),
    ...(inputSchema !== undefined ? { inputSchema } : {}),
    ...(outputSchema !== undefined ? { outputSchema } : {}),
    ...(tooLarge.length > 0 ? { schemaTooLarge: tooLarge } : {}),
    ...(annotations !== undefined ? { annotations } : {}),
  };
}

/** JSON of an untrusted value, or undefined when it cannot be serialised (cycles, BigInt). */
function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
