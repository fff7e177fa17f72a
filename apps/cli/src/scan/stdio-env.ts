// What a stdio server is given: `--env NAME=VALUE` (repeatable) over `--env-file F` (dotenv lines), and
// nothing else of the caller's environment. Names the isolation owns (HOME, TMPDIR, XDG_*) are refused:
// the server gets folders of its own, never the caller's.
import { readFileSync } from "node:fs";
import { isolationOwnedEnv } from "@kensa/probe";
import { UsageError } from "../command";

const name = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function stdioEnv(assignments: readonly string[], file: string | undefined): Record<string, string> | undefined {
  if (assignments.length === 0 && file === undefined) return undefined;
  const env: Record<string, string> = file === undefined ? {} : parseEnvFile(readEnvFile(file), file);
  for (const spec of assignments) {
    const [key, value] = assignment(spec, `--env ${spec}`);
    env[key] = value;
  }
  return env;
}

function readEnvFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--env-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** dotenv lines: NAME=VALUE, optional `export `, optional matching quotes; blank lines and # comments skipped. */
export function parseEnvFile(text: string, file: string): Record<string, string> {
  const env: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const [key, value] = assignment(line.replace(/^export\s+/, ""), `--env-file ${file}:${index + 1}`);
    env[key] = /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
  });
  return env;
}

function assignment(spec: string, where: string): [string, string] {
  const eq = spec.indexOf("=");
  const key = eq === -1 ? spec : spec.slice(0, eq).trim();
  if (eq === -1 || !name.test(key)) throw new UsageError(`${where}: expected NAME=VALUE with a variable name of letters, digits and _`);
  if ((isolationOwnedEnv as readonly string[]).includes(key)) {
    throw new UsageError(`${where}: ${key} is the server's own (a temporary folder Kensa creates for each run) and cannot be set`);
  }
  return [key, spec.slice(eq + 1)];
}
