// Tool definitions (agent usability, from 1.2.0): can an agent pick the right tool and call it right from
// what tools/list says? Each rule (tool-quality/tool-rules.ts) is judged per recorded tool; an item earns
// its share of tools that pass. Plus unique names, and the list's size in estimated tokens (what it costs
// an agent's context every session). Runs recorded before definitions were kept leave the axis untested.
import type { ToolDefinitionRecord } from "../../probe/tool-definitions";
import type { GradeEvidence } from "../evidence";
import { percent, scored, unscored, type AxisAssessment, type Item } from "../items";
import { toolDefinitionRules } from "../methodology";
import {
  annotationsVerdict, descriptionVerdict, inputSchemaVerdict, nameVerdict, outputSchemaVerdict, type Verdict,
} from "../tool-quality/tool-rules";
import { clamp01 } from "../wilson";

interface PerToolRule {
  id: string;
  points: number;
  verdict: (tool: ToolDefinitionRecord) => Verdict;
  /** Which tools the rule judges (default: all). */
  applies?: (tool: ToolDefinitionRecord) => boolean;
  what: string;
  fix: string;
}

const perToolRules: readonly PerToolRule[] = [
  { id: "descriptions", points: 25, verdict: descriptionVerdict, what: "have a useful description",
    fix: `Describe every tool in a sentence or more (at least ${toolDefinitionRules.minDescriptionChars} characters) saying what it does and when to use it, not its name again.` },
  { id: "input_schemas", points: 25, verdict: inputSchemaVerdict, what: "have a complete input schema",
    fix: "Give every tool an object inputSchema that is valid JSON Schema 2020-12, with a type and a description for every property and a `required` list that names only declared properties." },
  { id: "annotations", points: 15, verdict: annotationsVerdict, what: "carry the behaviour hints",
    fix: "Annotate every tool with readOnlyHint, and tools that write with destructiveHint and idempotentHint, so agents and gateways know what is safe to call." },
  { id: "names", points: 10, verdict: nameVerdict, what: "have a SEP-986 name",
    fix: "Name tools with 1–128 characters of A–Z, a–z, 0–9, underscore, dash and dot (SEP-986)." },
  { id: "output_schemas", points: 10, verdict: outputSchemaVerdict, applies: (t) => t.annotations?.readOnlyHint === true, what: "of the read-only tools declare an outputSchema",
    fix: "Declare an outputSchema (an object schema) for tools that return records, and return structuredContent that matches it." },
];

export function assessTools(e: GradeEvidence): AxisAssessment {
  const definitions = e.tools?.definitions;
  const listChars = e.tools?.listChars;
  const tokens = listChars === undefined ? null : Math.ceil(listChars / toolDefinitionRules.charsPerToken);
  const items: Item[] = definitions === undefined
    ? [...perToolRules.map((r) => unscored("tools", r.id, r.points, "The tool definitions were not recorded in this window.", r.fix)),
      unscored("tools", "unique_names", 5, "The tool definitions were not recorded in this window.", uniqueFix),
      unscored("tools", "list_size", 10, "The tool definitions were not recorded in this window.", sizeFix)]
    : [...perToolRules.map((r) => perToolItem(r, definitions, e.tools?.definitionsOmitted ?? 0)), uniqueNames(definitions), listSize(tokens, e.tools?.count ?? definitions.length)];
  return {
    items,
    facts: {
      tools: e.tools?.count ?? null,
      definitionsJudged: definitions?.length ?? null,
      definitionsOmitted: e.tools?.definitionsOmitted ?? null,
      estimatedTokens: tokens,
      tokenEstimate: `ceil(characters of the tools/list JSON / ${toolDefinitionRules.charsPerToken})`,
    },
  };
}

function perToolItem(rule: PerToolRule, definitions: readonly ToolDefinitionRecord[], omitted: number): Item {
  const judged = definitions.filter(rule.applies ?? (() => true)).map((tool) => ({ tool, verdict: rule.verdict(tool) })).filter((j) => j.verdict.ok !== null);
  if (judged.length === 0) return unscored("tools", rule.id, rule.points, definitions.length === 0 ? "The server lists no tools." : "No tool this rule applies to could be judged.", rule.fix);
  const failing = judged.filter((j) => j.verdict.ok === false);
  const ok = judged.length - failing.length;
  const examples = failing.slice(0, 3).map((j) => `${j.tool.name}: ${"why" in j.verdict ? j.verdict.why : ""}`).join("; ");
  const more = omitted > 0 ? ` (${omitted} tools over the recording budget were not judged)` : "";
  return scored("tools", rule.id, rule.points, ok / judged.length, "observed",
    `${ok} of ${judged.length} tools ${rule.what}${more}.${failing.length > 0 ? ` For example ${examples}.` : ""}`, rule.fix);
}

const uniqueFix = "Give every tool a distinct name: clients keep one of two tools that share a name, or refuse both.";

function uniqueNames(definitions: readonly ToolDefinitionRecord[]): Item {
  if (definitions.length === 0) return unscored("tools", "unique_names", 5, "The server lists no tools.", uniqueFix);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of definitions) (seen.has(name) ? duplicates : seen).add(name);
  return scored("tools", "unique_names", 5, duplicates.size === 0 ? 1 : 0, "observed",
    duplicates.size === 0 ? "Every tool name is listed once." : `Listed more than once: ${[...duplicates].slice(0, 5).join(", ")}.`, uniqueFix);
}

const sizeFix = `Keep tools/list under about ${toolDefinitionRules.fullPointsAtTokens.toLocaleString("en")} tokens: merge near-duplicate tools, trim boilerplate from descriptions and schemas, or split rarely used tools into another server.`;

function listSize(tokens: number | null, count: number): Item {
  if (tokens === null) return unscored("tools", "list_size", 10, "The size of the tools/list result was not recorded.", sizeFix);
  const doublings = Math.log2(Math.max(tokens, toolDefinitionRules.fullPointsAtTokens) / toolDefinitionRules.fullPointsAtTokens);
  const share = clamp01(1 - doublings / toolDefinitionRules.doublingsToZero);
  return scored("tools", "list_size", 10, share, "observed",
    `The list of ${count} tools costs about ${tokens.toLocaleString("en")} tokens of an agent's context (estimate: characters ÷ ${toolDefinitionRules.charsPerToken}); ${percent(share)} of the points.`, sizeFix);
}
