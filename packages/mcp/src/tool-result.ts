// Tool answers and tool errors. A bad argument is a result with isError (the agent reads it and retries),
// never a protocol error: the text names the argument and what would have been accepted, and the same
// facts are in structuredContent.error for an agent that parses.
import type { CallToolResult } from "@modelcontextprotocol/server";

export interface ArgumentProblem {
  /** The argument at fault, e.g. "id" or "ids[2]". */
  argument: string;
  message: string;
  /** Accepted values (or the nearest ones, when the full list is long). */
  validChoices?: string[];
  /** Where to find valid values, e.g. "call search_services". */
  hint?: string;
}

const choicesInText = 12;

export function toolError(problem: ArgumentProblem): CallToolResult {
  const choices = problem.validChoices ?? [];
  const listed = choices.slice(0, choicesInText).join(", ");
  const more = choices.length > choicesInText ? ` (and ${choices.length - choicesInText} more)` : "";
  const text = [
    `Invalid argument "${problem.argument}": ${problem.message}.`,
    choices.length > 0 ? `Valid choices: ${listed}${more}.` : "",
    problem.hint ?? "",
  ].filter(Boolean).join(" ");
  return { isError: true, content: [{ type: "text", text }], structuredContent: { error: { argument: problem.argument, message: problem.message, validChoices: choices, ...(problem.hint ? { hint: problem.hint } : {}) } } };
}

export function toolAnswer(structured: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

/** Ids resembling an unknown one (shared prefix or substring), for the error's choices; at most `max`. */
export function nearestIds(unknown: string, ids: readonly string[], max = 10): string[] {
  const u = unknown.toLowerCase();
  const stem = u.slice(0, 3);
  const score = (id: string) => (id.includes(u) || u.includes(id) ? 0 : stem.length > 0 && id.startsWith(stem) ? 1 : 2);
  return ids.map((id) => [id, score(id)] as const).filter(([, s]) => s < 2).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([id]) => id);
}

export const findIdsHint = "Call search_services (e.g. with query) to find service ids.";
