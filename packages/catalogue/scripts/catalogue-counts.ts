// Print what the catalogue knows from sources as Markdown tables; --write puts them into probes/README.md
// (between its catalogue-counts markers).
//   node --import tsx packages/catalogue/scripts/catalogue-counts.ts [--write] [--dir probes]
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { catalogueCounts, countsMarkdown, withCounts } from "../src/catalogue-counts";
import { defaultCatalogueDir, loadCatalogue } from "../src/load-catalogue";

const { values } = parseArgs({ options: { write: { type: "boolean", default: false }, dir: { type: "string" } } });
const dir = values.dir ? resolve(values.dir) : defaultCatalogueDir;
const table = countsMarkdown(catalogueCounts((await loadCatalogue({ dir })).entries));
console.log(table);
if (values.write) {
  const readmePath = join(dir, "README.md");
  const updated = withCounts(await readFile(readmePath, "utf8"), table);
  if (updated === null) {
    console.error(`${readmePath}: no catalogue-counts markers to write between`);
    process.exit(1);
  }
  await writeFile(readmePath, updated);
  console.error(`wrote the counts into ${readmePath}`);
}
