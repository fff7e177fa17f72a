// The one call a package probe makes without a working credential: what does the server answer when an
// agent calls a tool and the account behind it is not there? A read-only tool is preferred (annotated
// readOnlyHint, else a name that reads like a read), called with placeholder values for its required
// arguments. The network is cut where the machine allows, and the credential is a dummy either way.
import type { ProbeCall } from "@kensa/core";
import type { ListedToolShape } from "../types";

const readName = /^(list|get|search|read|find|describe|fetch|show|query|retrieve|lookup)[_\-A-Z]?/i;

export function unauthenticatedCall(tools: readonly ListedToolShape[]): ProbeCall[] {
  const tool = tools.find((t) => t.annotations?.readOnlyHint === true) ?? tools.find((t) => readName.test(t.name)) ?? tools[0];
  if (!tool) return [];
  return [{ tool: tool.name, arguments: placeholderArguments(tool.inputSchema), expect: "success", readOnly: true }];
}

/** Values of the schema's type for its required properties: enough to pass validation, never real data. */
export function placeholderArguments(schema: unknown): Record<string, unknown> {
  if (!isRecord(schema) || !isRecord(schema.properties)) return {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];
  return Object.fromEntries(required.map((name) => [name, placeholder((schema.properties as Record<string, unknown>)[name])]));
}

function placeholder(property: unknown): unknown {
  if (!isRecord(property)) return "kensa-probe";
  if (Array.isArray(property.enum) && property.enum.length > 0) return property.enum[0];
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  switch (type) {
    case "integer":
    case "number":
      return typeof property.minimum === "number" ? property.minimum : 1;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return placeholderArguments(property);
    default:
      return "kensa-probe";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
