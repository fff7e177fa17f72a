// Which prebuilt bundle a command may run from: the bundle scripts/build-scan.mjs wrote, while every source
// it was built from is unchanged since (a developer's edit makes the CLI compile the sources again).
import { readFileSync, statSync } from "node:fs";

/** The bundle's URL when `args` is a scan and the bundle is fresh; undefined means compile the sources. */
export function prebuiltBundle(args, env, distUrl) {
  if (args[0] !== "scan" || env.KENSA_PREBUILT === "0") return undefined;
  const bundle = new URL("kensa-scan.mjs", distUrl);
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const sources = JSON.parse(readFileSync(new URL("kensa-scan.mjs.inputs.json", distUrl), "utf8"));
    return Array.isArray(sources) && sources.length > 0 && sources.every((source) => statSync(source).mtimeMs <= builtAt) ? bundle : undefined;
  } catch {
    return undefined; // not built, or a source moved
  }
}
