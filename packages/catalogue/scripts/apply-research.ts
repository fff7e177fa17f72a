// Apply research files to the catalogue:
//   node --import tsx packages/catalogue/scripts/apply-research.ts [--dry-run] [--dir probes] research/*.json
// Idempotent: a second run with the same files changes nothing. Exit 1 when an entry was refused (the
// others are still applied) or when the catalogue no longer validates. Refused and held-back items are
// listed; --verbose also lists superseded entries and the research notes that are not applied.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { defaultCatalogueDir, loadCatalogue } from "../src/load-catalogue";
import { isCatalogueError } from "../src/catalogue-error";
import { applyResearchFiles } from "../src/research/apply-research-files";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false }, verbose: { type: "boolean", default: false }, dir: { type: "string" } } });
if (positionals.length === 0) {
  console.error("usage: apply-research.ts [--dry-run] [--verbose] [--dir <catalogue folder>] <research.json>...");
  process.exit(2);
}
const dir = values.dir ? resolve(values.dir) : defaultCatalogueDir;
const report = await applyResearchFiles({ dir, files: positionals, write: !values["dry-run"] });

for (const { id, changes } of report.changed) console.log(`${values["dry-run"] ? "would change" : "changed"} ${id}: ${changes.join("; ")}`);
for (const conflict of report.conflicts) console.log(`conflict ${conflict}`);
for (const { where, problems } of report.refused) console.log(`refused ${where}:\n  ${problems.join("\n  ")}`);
for (const { where, kind, problem } of report.items) if (kind !== "ignored" || values.verbose) console.log(`${kind} in ${where}: ${problem}`);
for (const line of report.superseded) if (values.verbose) console.log(`superseded ${line}`);
const count = (kind: string) => report.items.filter((i) => i.kind === kind).length;
console.log(
  `${report.read} researched entries (${report.superseded.length} superseded by a later file): ${report.changed.length} ${values["dry-run"] ? "would change" : "changed"}, ` +
    `${report.unchanged.length} already up to date, ${report.refused.length} refused; items: ${count("refused")} refused, ${count("held back")} held back as doubtful, ` +
    `${count("ignored")} research notes not applied; ${report.conflicts.length} conflicts reported`,
);

let valid = true;
try {
  const catalogue = await loadCatalogue({ dir });
  console.log(`catalogue valid: ${catalogue.entries.length} services`);
} catch (error) {
  if (!isCatalogueError(error)) throw error;
  console.error(error.message);
  valid = false;
}
process.exit(valid && report.refused.length === 0 ? 0 : 1);
