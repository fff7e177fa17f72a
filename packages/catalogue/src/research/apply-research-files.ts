// Research files → catalogue files: read every research file, refuse what has no source or names no
// catalogued service, apply the rest file by file (see apply-research.ts) and say what changed. Files are
// read in the order given; a later file's entry for a service supersedes an earlier one (a deeper second
// pass), and the report says so.
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { applyResearch } from "./apply-research";
import { readResearch, type RefusedResearch, type ResearchEntry, type ResearchItemProblem } from "./research-entry";

export interface ResearchReport {
  /** Research entries read (valid or not). */
  read: number;
  /** Catalogue ids whose file changed, with what changed. */
  changed: { id: string; changes: string[] }[];
  /** Entries whose file already said what the research says. */
  unchanged: string[];
  refused: RefusedResearch[];
  /** Servers, facts or auth methods left out of applied entries (refused, held back as doubtful, ignored notes). */
  items: ResearchItemProblem[];
  /** "<id>: <earlier> superseded by <later>". */
  superseded: string[];
  conflicts: string[];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** `write: false` reports what would change without touching the catalogue. */
export async function applyResearchFiles(options: { dir: string; files: readonly string[]; write: boolean }): Promise<ResearchReport> {
  const report: ResearchReport = { read: 0, changed: [], unchanged: [], refused: [], items: [], superseded: [], conflicts: [] };
  const latest = new Map<string, { entry: ResearchEntry; where: string; file: string }>();
  for (const file of options.files) {
    const { entries, refused, items } = readResearch(await readFile(file, "utf8"), file);
    report.read += entries.length + refused.length;
    report.refused.push(...refused);
    report.items.push(...items);
    for (const { entry, where } of entries) {
      const earlier = latest.get(entry.id);
      if (earlier?.file === file) {
        report.refused.push({ where, problems: [`"${entry.id}" is already researched in ${earlier.where}: one entry per service in a file`] });
        continue;
      }
      if (earlier) report.superseded.push(`${entry.id}: ${earlier.where} superseded by ${where}`);
      latest.set(entry.id, { entry, where, file });
    }
  }
  for (const { entry, where } of latest.values()) {
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
  return report;
}
