// Documents versioned with the code (docs/methodology.md), read at request time so a deployment shows the
// methodology it grades with. The repository root is found by walking up from the working directory
// (next start runs in apps/web, kensa start at the root).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const cache = new Map<string, { mtimeMs: number; text: string }>();

export function findRepoFile(relative: string, start = process.cwd()): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(/* turbopackIgnore: true */ dir, relative);
    if (existsSync(/* turbopackIgnore: true */ candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** The file's text, or null when this build has no such document. */
export function readRepoDoc(relative: string): string | null {
  const path = findRepoFile(relative);
  if (!path) return null;
  const { mtimeMs } = statSync(/* turbopackIgnore: true */ path);
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.text;
  const text = readFileSync(/* turbopackIgnore: true */ path, "utf8");
  cache.set(path, { mtimeMs, text });
  return text;
}
