#!/usr/bin/env node
// Prebuilds `kensa scan` (src/scan-main.ts and the workspace code it reaches) into dist/kensa-scan.mjs, with
// third-party packages left as imports. Runs on npm install. bin/kensa.mjs uses the bundle only while no
// source it was built from has changed since; otherwise, or if this build fails, tsx compiles the sources.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(cli, "..", "..");
const outfile = join(cli, "dist", "kensa-scan.mjs");

try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(cli, "src", "scan-main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [{
      name: "third-party-external",
      setup(b) {
        // Our workspaces ship TypeScript: bundle them. Everything else resolves from node_modules at run time.
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@kensa/") ? undefined : { path: args.path, external: true }));
      },
    }],
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(root, input));
  writeFileSync(`${outfile}.inputs.json`, JSON.stringify(inputs));
  console.log(`kensa: prebuilt kensa scan (${inputs.length} sources) → ${outfile}`);
} catch (error) {
  console.warn(`kensa: could not prebuild kensa scan (it will compile its sources at each start instead): ${error instanceof Error ? error.message : error}`);
}
