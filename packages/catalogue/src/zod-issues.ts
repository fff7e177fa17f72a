// zod issues → catalogue issues: one per problem, unknown keys named individually, the offending value shown.
import type { z } from "zod";
import { fieldPath, type CatalogueIssue } from "./catalogue-error";

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function describe(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
  const withExpected = /^expected /.test(message) ? message : `expected ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return `${withExpected} (the field is missing)`;
  if ("input" in issue && issue.input !== undefined && !/, (received|got) /.test(withExpected)) return `${withExpected}, got ${shown(issue.input)}`;
  return withExpected;
}

export function issuesFromZod(
  error: z.ZodError,
  file: string,
  options: { prefix?: readonly PropertyKey[]; lineOf?: (path: readonly PropertyKey[]) => number | undefined } = {},
): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  for (const issue of error.issues) {
    const path = [...(options.prefix ?? []), ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ file, line: options.lineOf?.([...issue.path, key]), field: fieldPath([...path, key]), expected: "unknown field: expected no such key (check its spelling)" });
      }
      continue;
    }
    out.push({ file, line: options.lineOf?.(issue.path), field: fieldPath(path), expected: describe(issue) });
  }
  return out;
}
