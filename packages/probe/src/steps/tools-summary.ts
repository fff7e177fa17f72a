// tools/list reduced to what drift detection and scoring need. The hash is sha256 over the canonical JSON
// (keys sorted, tools sorted by name) of each tool's name, title, description, schemas and annotations; the
// definitions themselves are kept within core's budget (keepToolDefinitions) for the tools axis, with the
// size of the whole list as listed.
import { createHash } from "node:crypto";
import { keepToolDefinitions, type ToolsSummary } from "@kensa/core";

interface ListedTool {
  name: string;
  title?: unknown;
  description?: unknown;
  inputSchema?: unknown;
  outputSchema?: unknown;
  annotations?: { readOnlyHint?: unknown } & Record<string, unknown>;
}

const MAX_CANONICAL_DEPTH = 200;
// Names are kept for people to read; a server listing 100,000 tools must not make every stored run huge.
export const MAX_TOOL_NAMES = 256;
const MAX_TOOL_NAME_CHARS = 128;

export function summariseTools(tools: readonly ListedTool[]): ToolsSummary {
  const sorted = [...tools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const canonical = canonicalJson(
    sorted.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, outputSchema: t.outputSchema, annotations: t.annotations })),
  );
  const kept = keepToolDefinitions(tools);
  const listChars = jsonLength(tools);
  return {
    count: tools.length,
    withSchema: tools.filter((t) => isSchema(t.inputSchema)).length,
    hash: createHash("sha256").update(canonical).digest("hex"),
    names: sorted.slice(0, MAX_TOOL_NAMES).map((t) => String(t.name).slice(0, MAX_TOOL_NAME_CHARS)),
    ...(sorted.length > MAX_TOOL_NAMES ? { namesOmitted: sorted.length - MAX_TOOL_NAMES } : {}),
    writeTools: tools.filter((t) => t.annotations?.readOnlyHint !== true).length,
    definitions: kept.definitions,
    ...(kept.omitted > 0 ? { definitionsOmitted: kept.omitted } : {}),
    ...(listChars !== undefined ? { listChars } : {}),
  };
}

/** What the list costs an agent's context, as characters of its JSON; undefined when it cannot be serialised. */
function jsonLength(value: unknown): number | undefined {
  try {
    return JSON.stringify(value).length;
  } catch {
    return undefined;
  }
}

function isSchema(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && Object.keys(schema).length > 0;
}

/** JSON with object keys sorted; undefined members dropped; nesting beyond the bound is cut, not recursed. */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_CANONICAL_DEPTH) return '"[too deep]"';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v, depth + 1)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value).sort().flatMap((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v === undefined ? [] : [`${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`];
    });
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
