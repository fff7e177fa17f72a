// The server's command as an absolute path, found the way a shell would (a name with a slash is a path,
// otherwise the first executable of that name on PATH). Resolved before the spawn, because the child runs
// in an empty folder of its own and, where the network is cut, under `unshare`: a typo must still read as
// "not found" (ENOENT), not as a server that died.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";

export type ResolvedCommand = { ok: true; path: string } | { ok: false; code: "ENOENT" | "EACCES" };

export function resolveCommand(command: string, pathVar: string, from: string = process.cwd()): ResolvedCommand {
  if (command.includes("/") || isAbsolute(command)) {
    const path = resolve(from, command);
    return isFile(path) ? (isExecutable(path) ? { ok: true, path } : { ok: false, code: "EACCES" }) : { ok: false, code: "ENOENT" };
  }
  const found = findExecutable(command, pathVar);
  return found ? { ok: true, path: found } : { ok: false, code: "ENOENT" };
}

export function findExecutable(name: string, pathVar: string): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isFile(candidate) && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
