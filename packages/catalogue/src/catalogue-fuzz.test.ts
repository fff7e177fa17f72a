// Fuzzing the catalogue loader: random text, random YAML and valid entries with random fields swapped in
// never make it throw anything but a CatalogueError (or, per file, anything but a list of issues naming
// the file and what was expected). A vendor's broken pull request is an error message, never a crash.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CatalogueError } from "./catalogue-error";
import { defaultCatalogueDir, loadCatalogue } from "./load-catalogue";
import { parseOverlay } from "./overlay";
import { parseEntry, type ParsedEntry } from "./parse-entry";

const valid = await readFile(join(defaultCatalogueDir, "freee.yaml"), "utf8");
const validObject = (() => {
  const parsed = parseEntry(valid, "freee.yaml", "freee");
  if (!parsed.ok) throw new Error("probes/freee.yaml should be valid");
  return JSON.parse(JSON.stringify(parsed.entry)) as Record<string, unknown>;
})();
const keys = Object.keys(validObject);

/** YAML-ish noise: fragments real files use, glued at random. */
const yamlish = fc
  .array(fc.oneof(fc.constantFrom("id: ", "calls:\n", "- tool: x\n", "  readOnly: true\n", "&a ", "*a", "<<: *a\n", "{", "}", "[", "]", ": ", "\n", "  ", "!!js/function ", "? ", "---\n", "\t", "#", "'", '"'), fc.string({ maxLength: 20 })), { maxLength: 30 })
  .map((parts) => parts.join(""));

/** A valid entry with some fields replaced by random JSON (including deep and huge values). */
const mutated = fc.dictionary(fc.constantFrom(...keys, "unexpected", "__proto__"), fc.jsonValue({ maxDepth: 5 }), { maxKeys: 4 }).map((changes) => ({ ...validObject, ...changes }));

function wellFormed(parsed: ParsedEntry, file: string): boolean {
  if (parsed.ok) return true;
  expect(parsed.issues.length).toBeGreaterThan(0);
  for (const issue of parsed.issues) {
    expect(issue.file).toBe(file);
    expect(typeof issue.expected === "string" && issue.expected.length > 0).toBe(true);
  }
  return true;
}

describe("catalogue fuzzing: bad files are issues, never crashes", () => {
  it("random text and YAML fragments parse to an entry or to issues", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), yamlish), (text) => wellFormed(parseEntry(text, "probes/x.yaml", "x"), "probes/x.yaml")), { numRuns: 1_500 });
  });

  it("valid entries with random fields swapped in parse to an entry or to issues naming the file", () => {
    fc.assert(fc.property(mutated, (object) => wellFormed(parseEntry(stringify(object), "probes/freee.yaml", "freee"), "probes/freee.yaml")), { numRuns: 1_000 });
  });

  it("random overlays parse to an overlay or to issues", () => {
    const overlay = fc.oneof(yamlish, fc.jsonValue({ maxDepth: 4 }).map((v) => stringify({ environment: "dev", services: v })));
    fc.assert(fc.property(overlay, (text) => {
      const parsed = parseOverlay(text, "probes/overlays/dev.yaml", "dev");
      return parsed.ok || parsed.issues.length > 0;
    }), { numRuns: 500 });
  });

  it("a folder of random files loads or throws one CatalogueError — nothing else", async () => {
    const file = fc.record({ name: fc.stringMatching(/^[a-z0-9-]{1,12}$/), text: fc.oneof(yamlish, mutated.map((o) => stringify(o)), fc.constant(valid)) });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(file, { selector: (f) => f.name, maxLength: 4 }), async (files) => {
        const dir = await mkdtemp(join(tmpdir(), "kensa-catalogue-fuzz-"));
        try {
          for (const f of files) await writeFile(join(dir, `${f.name}.yaml`), f.text);
          const loaded = await loadCatalogue({ dir }).catch((error: unknown) => error);
          if (loaded instanceof Error) expect(loaded).toBeInstanceOf(CatalogueError);
          return true;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
