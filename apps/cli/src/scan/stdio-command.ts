// The stdio server runs in an empty folder of its own, so paths typed relative to where kensa runs
// (`node server.js`, `./bin/server`) are made absolute first; options and anything that is not an
// existing file or folder pass through unchanged.
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export function absoluteCommand(command: readonly string[], from: string = process.cwd()): string[] {
  return command.map((part, index) => {
    if (index === 0) return part.includes("/") ? resolve(from, part) : part;
    if (part.startsWith("-") || part.includes("=") || part.startsWith("/")) return part;
    return existsSync(resolve(from, part)) ? resolve(from, part) : part;
  });
}
