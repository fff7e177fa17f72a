// An invalid catalogue is one error listing each problem as file + field + what was expected, so a vendor
// reading `kensa probes validate` can fix their file without reading our code.
import { KensaError } from "@kensa/core";

export interface CatalogueIssue {
  /** Path as given to the loader's caller, e.g. "probes/freee.yaml". */
  file: string;
  /** 1-based line in the file when known. */
  line?: number;
  /** Dotted path with indexes, e.g. "calls[0].readOnly"; "" for the whole file. */
  field: string;
  /** What was expected (and what was found, where it helps). */
  expected: string;
}

export function formatIssue(issue: CatalogueIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return issue.field ? `${where}: ${issue.field}: ${issue.expected}` : `${where}: ${issue.expected}`;
}

export class CatalogueError extends KensaError {
  constructor(readonly issues: CatalogueIssue[]) {
    const files = new Set(issues.map((i) => i.file)).size;
    const head = `invalid catalogue: ${issues.length} problem${issues.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
    super("invalid_catalogue", [head, ...issues.map((i) => `  ${formatIssue(i)}`)].join("\n"), { issues });
  }
}

export function isCatalogueError(error: unknown): error is CatalogueError {
  return error instanceof CatalogueError;
}

/** ["calls", 0, "readOnly"] → "calls[0].readOnly" */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
