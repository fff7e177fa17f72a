// YAML text → plain data, with a way to find the line of any field for error messages. Duplicate keys,
// anchors/aliases and non-plain values are refused: a catalogue file must read the same to people and tools.
import { isNode, LineCounter, parseDocument } from "yaml";
import type { CatalogueIssue } from "./catalogue-error";

export type YamlRead =
  | { ok: true; data: unknown; lineOf(path: readonly PropertyKey[]): number | undefined }
  | { ok: false; issues: CatalogueIssue[] };

export function readYaml(text: string, file: string): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: false, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((e) => ({ file, line: e.linePos?.[0]?.line, field: "", expected: `valid YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}` })),
    };
  }
  let hasAnchor = false;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0, onAnchor: () => { hasAnchor = true; } });
  } catch {
    hasAnchor = true;
  }
  if (hasAnchor) return { ok: false, issues: [{ file, field: "", expected: "no YAML anchors or aliases (write every value out)" }] };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, data, lineOf };
}
