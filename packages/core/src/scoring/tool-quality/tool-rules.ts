// One verdict per tool and rule, from its recorded definition alone (no language model, no network):
//   description  — at least minDescriptionChars after trimming, and not the name or title restated;
//   input schema — an object schema, valid JSON Schema 2020-12, every property typed and described, and
//                  `required`, where given, a list naming only declared properties (absent means none is
//                  required, which is valid: a list tool's filters are all optional);
//   annotations  — readOnlyHint given; when it is false, destructiveHint and idempotentHint too (the
//                  specification gives those meaning only for tools that modify their environment);
//   name         — SEP-986 as shipped in MCP 2025-11-25: 1–128 characters of A–Z a–z 0–9 _ - .;
//   output schema — present and a valid object schema.
import type { ToolDefinitionRecord } from "../../probe/tool-definitions";
import { toolDefinitionRules } from "../methodology";
import { schemaProblems } from "./json-schema-2020";

export type Verdict = { ok: true } | { ok: false; why: string } | { ok: null; why: string };

const pass: Verdict = { ok: true };
const fail = (why: string): Verdict => ({ ok: false, why });

/** Lowercase letters and digits only: "list_issues", "List issues" and "listIssues" read the same. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function descriptionVerdict(tool: ToolDefinitionRecord): Verdict {
  const text = tool.description?.trim() ?? "";
  if (text === "") return fail("no description");
  const restated = [tool.name, tool.title ?? ""].some((n) => squash(n) !== "" && squash(text) === squash(n));
  if (restated) return fail("the description only restates the name");
  if (text.length < toolDefinitionRules.minDescriptionChars) return fail(`a description of ${text.length} characters (under ${toolDefinitionRules.minDescriptionChars})`);
  return pass;
}

export function inputSchemaVerdict(tool: ToolDefinitionRecord): Verdict {
  if (tool.schemaTooLarge?.includes("input")) return { ok: null, why: "the input schema was too large to keep" };
  const schema = tool.inputSchema;
  if (!isObject(schema)) return fail("no input schema");
  if (schema.type !== "object") return fail('the input schema is not of type "object"');
  const invalid = schemaProblems(schema);
  if (invalid !== null) return fail(`not valid JSON Schema 2020-12 (${invalid})`);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const names = Object.keys(properties);
  const untyped = names.filter((n) => !typed(properties[n]));
  if (untyped.length > 0) return fail(`untyped properties: ${list(untyped)}`);
  const undescribed = names.filter((n) => !described(properties[n]));
  if (undescribed.length > 0) return fail(`properties without a description: ${list(undescribed)}`);
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required)) return fail("`required` is not a list");
    const unknown = schema.required.filter((r) => typeof r !== "string" || !names.includes(r));
    if (unknown.length > 0) return fail(`\`required\` names undeclared properties: ${list(unknown.map(String))}`);
  }
  return pass;
}

export function annotationsVerdict(tool: ToolDefinitionRecord): Verdict {
  const a = tool.annotations ?? {};
  if (a.readOnlyHint === undefined) return fail("no readOnlyHint");
  if (a.readOnlyHint) return pass;
  const missing = (["destructiveHint", "idempotentHint"] as const).filter((h) => a[h] === undefined);
  return missing.length === 0 ? pass : fail(`a tool that writes without ${missing.join(" and ")}`);
}

export const toolNamePattern = /^[A-Za-z0-9._-]{1,128}$/;

export function nameVerdict(tool: ToolDefinitionRecord): Verdict {
  return toolNamePattern.test(tool.name) ? pass : fail(tool.name.length > 128 ? "a name over 128 characters" : "characters outside A–Z a–z 0–9 _ - .");
}

export function outputSchemaVerdict(tool: ToolDefinitionRecord): Verdict {
  if (tool.schemaTooLarge?.includes("output")) return { ok: null, why: "the output schema was too large to keep" };
  const schema = tool.outputSchema;
  if (schema === undefined) return fail("no outputSchema");
  if (!isObject(schema) || schema.type !== "object") return fail('the outputSchema is not of type "object"');
  const invalid = schemaProblems(schema);
  return invalid === null ? pass : fail(`the outputSchema is not valid JSON Schema 2020-12 (${invalid})`);
}

/** A property says what it holds: a type, a reference, a constant, an enumeration or a combination. */
function typed(property: unknown): boolean {
  return isObject(property) && ["type", "$ref", "const", "enum", "anyOf", "oneOf", "allOf"].some((k) => property[k] !== undefined);
}

function described(property: unknown): boolean {
  return isObject(property) && typeof property.description === "string" && property.description.trim() !== "";
}

function list(names: readonly string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
