#!/usr/bin/env node
// The workspaces ship TypeScript source (no build step); tsx compiles it on the fly. `kensa scan` runs from
// its prebuilt bundle (scripts/build-scan.mjs, made on npm install) while that is newer than its sources.
import { prebuiltBundle } from "./prebuilt.mjs";

const args = process.argv.slice(2);
const bundle = prebuiltBundle(args, process.env, new URL("../dist/", import.meta.url));
if (bundle) {
  const { main } = await import(bundle.href);
  process.exitCode = await main(args);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("../src/main.ts");
  process.exitCode = await main(args);
}
