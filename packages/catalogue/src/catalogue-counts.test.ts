import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueCounts, countsBegin, countsEnd, countsMarkdown, withCounts } from "./catalogue-counts";
import { defaultCatalogueDir, loadCatalogue } from "./load-catalogue";

describe("the catalogue's counts", () => {
  it("probes/README.md shows the counts of the catalogue as it is (regenerate with scripts/catalogue-counts.ts --write)", async () => {
    const readme = await readFile(join(defaultCatalogueDir, "README.md"), "utf8");
    const table = countsMarkdown(catalogueCounts((await loadCatalogue()).entries));
    expect(withCounts(readme, table)).toBe(readme);
  });

  it("replaces only the block between the markers, and refuses a README without them", () => {
    const readme = `# x\n${countsBegin}\nold\n${countsEnd}\nafter\n`;
    expect(withCounts(readme, "| new |")).toBe(`# x\n${countsBegin}\n| new |\n${countsEnd}\nafter\n`);
    expect(withCounts("# x\n", "| new |")).toBeNull();
  });
});
