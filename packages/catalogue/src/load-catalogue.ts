// Load the whole catalogue folder, apply an overlay, hash every entry — all or nothing: any problem anywhere
// throws one CatalogueError listing every file, field and expectation, and nothing is returned half-loaded.
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KensaError, type CatalogueEntry } from "@kensa/core";
import { CatalogueError, type CatalogueIssue } from "./catalogue-error";
import { contentHash } from "./content-hash";
import { applyOverlay, parseOverlay } from "./overlay";
import { parseEntry } from "./parse-entry";

export interface Catalogue {
  entries: CatalogueEntry[];
  byId: Map<string, CatalogueEntry>;
  /** sha256 of the canonical entry as loaded (overlay applied). */
  hashOf(id: string): string;
  dir: string;
  overlay: string | null;
}

export interface LoadCatalogueOptions {
  /** The catalogue folder; defaults to this repository's probes/. */
  dir?: string;
  /** "dev" | "staging" | "prod" (→ <dir>/overlays/<name>.yaml) or a path to an overlay file. */
  overlay?: "dev" | "staging" | "prod" | (string & {});
}

/** This repository's probes/ folder, found from this file (packages/catalogue/src). */
export const defaultCatalogueDir = fileURLToPath(new URL("../../../probes", import.meta.url));

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

async function readText(path: string, issues: CatalogueIssue[]): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    issues.push({ file: shown(path), field: "", expected: `expected a readable file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return null;
  }
}

export async function loadCatalogue(options: LoadCatalogueOptions = {}): Promise<Catalogue> {
  const dir = resolve(options.dir ?? defaultCatalogueDir);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && /\.ya?ml$/.test(d.name)).map((d) => d.name).sort();
  } catch (error) {
    throw new KensaError("bad_config", `catalogue folder ${shown(dir)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const issues: CatalogueIssue[] = [];
  const texts = await Promise.all(names.map((name) => readText(join(dir, name), issues)));
  const entries: CatalogueEntry[] = [];
  const fileOfId = new Map<string, string>();
  names.forEach((name, i) => {
    const text = texts[i];
    if (text == null) return;
    const file = shown(join(dir, name));
    const stem = basename(name, extname(name));
    const previous = fileOfId.get(stem);
    if (previous) {
      issues.push({ file, field: "id", expected: `expected one file per service, but ${previous} also describes "${stem}"` });
      return;
    }
    fileOfId.set(stem, file);
    const parsed = parseEntry(text, file, stem);
    if (parsed.ok) entries.push(parsed.entry);
    else issues.push(...parsed.issues);
  });
  if (names.length === 0) issues.push({ file: shown(dir), field: "", expected: "expected at least one catalogue file (<service-id>.yaml)" });
  if (issues.length > 0) throw new CatalogueError(issues);

  let final = entries;
  let overlayName: string | null = null;
  if (options.overlay !== undefined) {
    const byName = !/[\\/]/.test(options.overlay) && !/\.ya?ml$/.test(options.overlay);
    const path = byName ? join(dir, "overlays", `${options.overlay}.yaml`) : resolve(options.overlay);
    const text = await readText(path, issues);
    if (text == null) {
      if (byName) {
        const known = (await readdir(join(dir, "overlays")).catch(() => [])).filter((n) => n.endsWith(".yaml")).map((n) => n.slice(0, -5));
        issues[0]!.expected = `expected an overlay named ${known.map((k) => `"${k}"`).join(", ") || "(none exist)"}, or a path to an overlay file`;
      }
      throw new CatalogueError(issues);
    }
    const overlay = parseOverlay(text, shown(path), byName ? options.overlay : undefined);
    if (!overlay.ok) throw new CatalogueError(overlay.issues);
    const applied = applyOverlay(entries, overlay.overlay, shown(path));
    if (!applied.ok) throw new CatalogueError(applied.issues);
    final = applied.entries;
    overlayName = overlay.overlay.environment;
  }

  const byId = new Map(final.map((e) => [e.id, e]));
  const hashes = new Map(final.map((e) => [e.id, contentHash(e)]));
  return {
    entries: final,
    byId,
    hashOf(id) {
      const hash = hashes.get(id);
      if (hash === undefined) throw new KensaError("not_found", `no catalogue entry "${id}"`);
      return hash;
    },
    dir,
    overlay: overlayName,
  };
}
