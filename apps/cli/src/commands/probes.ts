// kensa probes validate — check every catalogue file (and an overlay) the way every loader will: exit 0
// when all is valid, 1 with one line per problem (file:line: field: expectation) when not.
import { parseArgs } from "node:util";
import { isCatalogueError, loadCatalogue, formatIssue } from "@kensa/catalogue";
import { UsageError, type Command } from "../command";

export const probesCommand: Command = {
  name: "probes",
  summary: "check the service catalogue in probes/ (validate [--overlay env])",
  usage: "kensa probes validate [--overlay dev|staging|prod|<file.yaml>] [--dir <catalogue folder>]",
  async run(argv) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { overlay: { type: "string" }, dir: { type: "string" } },
    });
    if (positionals[0] !== "validate" || positionals.length > 1) throw new UsageError(`expected "validate", got ${positionals.length ? `"${positionals.join(" ")}"` : "nothing"}`);
    const started = performance.now();
    try {
      const catalogue = await loadCatalogue({ dir: values.dir, overlay: values.overlay });
      const ms = Math.round(performance.now() - started);
      const categories = new Set(catalogue.entries.map((e) => e.category)).size;
      const overlay = catalogue.overlay ? ` with overlay "${catalogue.overlay}"` : "";
      console.log(`probes: ${catalogue.entries.length} services in ${categories} categories are valid${overlay} (${ms} ms)`);
      return 0;
    } catch (error) {
      if (!isCatalogueError(error)) throw error;
      console.error(`probes: ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"}; nothing was loaded`);
      for (const issue of error.issues) console.error(`  ${formatIssue(issue)}`);
      return 1;
    }
  },
};
