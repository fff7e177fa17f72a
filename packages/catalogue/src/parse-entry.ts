// One catalogue file → a validated entry, or the issues that name its file, field and line.
import { CatalogueFileEntry, type CatalogueEntry } from "@kensa/core";
import type { CatalogueIssue } from "./catalogue-error";
import { readYaml } from "./read-yaml";
import { issuesFromZod } from "./zod-issues";

export type ParsedEntry = { ok: true; entry: CatalogueEntry } | { ok: false; issues: CatalogueIssue[] };

/** `expectedId` is the file's stem: a file must be named after the service it describes. */
export function parseEntry(text: string, file: string, expectedId?: string): ParsedEntry {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  if (read.data === null || typeof read.data !== "object" || Array.isArray(read.data)) {
    return { ok: false, issues: [{ file, field: "", expected: "expected a mapping of fields (id, name, vendor, …) at the top level" }] };
  }
  const parsed = CatalogueFileEntry.safeParse(read.data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, file, { lineOf: read.lineOf }) };
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    return { ok: false, issues: [{ file, line: read.lineOf(["id"]), field: "id", expected: `expected "${expectedId}" (the file's name), got "${parsed.data.id}"` }] };
  }
  return { ok: true, entry: parsed.data };
}
