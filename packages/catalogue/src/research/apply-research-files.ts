// Research files → catalogue files: read every research file, refuse what has no source or names no
// catalogued service, apply the rest file by file (see apply-research.ts) and say what changed.
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { applyResearch } from "./apply-research";
import { readResearch, type RefusedResearch } from "./research-entry";

export interface ResearchReport {
  /** Research entries read (valid or not). */
  read: number;
  /** Catalogue ids whose file changed, with what changed. */
  changed: { id: string; changes: string[] }[];
  /** Entries whose file already said what the research says. */
  unchanged: string[];
  refused: RefusedResearch[];
  conflicts: string[];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** `write: false` reports what would change without touching the catalogue. */
export async function applyResearchFiles(options: { dir: string; files: readonly string[]; write: boolean }): Promise<ResearchReport> {
  const report: ResearchReport = { read: 0, changed: [], unchanged: [], refused: [], conflicts: [] };
  const seen = new Map<string, string>();
  for (const file of options.files) {
    const { entries, refused } = readResearch(await readFile(file, "utf8"), file);
    report.read += entries.length + refused.length;
    report.refused.push(...refused);
    for (const { entry, where } of entries) {
      const earlier = seen.get(entry.id);
      if (earlier !== undefined) {
        report.refused.push({ where, problems: [`"${entry.id}" was already researched in ${earlier}: one entry per service`] });
        continue;
      }
      seen.set(entry.id, where);
      const path = join(options.dir, `${entry.id}.yaml`);
      if (!(await exists(path))) {
        report.refused.push({ where, problems: [`no catalogued service "${entry.id}" (no ${path})`] });
        continue;
      }
      const text = await readFile(path, "utf8");
      const outcome = applyResearch(text, path, entry);
      if (!outcome.ok) {
        report.refused.push({ where, problems: outcome.problems });
        continue;
      }
      report.conflicts.push(...outcome.conflicts);
      if (outcome.text === text) {
        report.unchanged.push(entry.id);
        continue;
      }
      if (options.write) await writeFile(path, outcome.text);
      report.changed.push({ id: entry.id, changes: outcome.changes });
    }
  }
  return report;
}
