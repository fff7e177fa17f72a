// Secrets from a local file for single-machine deployments: a JSON object {"NAME": "value"} or KEY=value
// lines (dotenv style). The file must be a regular file readable by its owner only (mode 0600 or 0400): a
// group- or world-readable file is refused, as ssh does with private keys. Errors never quote a value.
import { lstat, readFile } from "node:fs/promises";
import { EnvVarName, KensaError } from "@kensa/core";
import type { SecretStoreAdapter } from "./secret-store";

export async function openFileSecretStore(path: string): Promise<SecretStoreAdapter & { names: string[] }> {
  const values = await readSecretsFile(path);
  return { kind: "file", names: [...values.keys()], read: async (name) => values.get(name) };
}

export async function readSecretsFile(path: string): Promise<Map<string, string>> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    throw new KensaError("bad_config", `secrets file ${path} cannot be read (${error.code ?? "error"})`);
  });
  if (!info.isFile()) throw new KensaError("bad_config", `secrets file ${path} is not a regular file (symlinks and devices are refused)`);
  const mode = info.mode & 0o777;
  if (mode & 0o077) {
    throw new KensaError("bad_config", `secrets file ${path} is readable or writable by group or others (mode ${mode.toString(8).padStart(4, "0")}): chmod 600 ${path}`);
  }
  const text = await readFile(path, "utf8");
  return text.trimStart().startsWith("{") ? parseJson(path, text) : parseLines(path, text);
}

function parseJson(path: string, text: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KensaError("bad_config", `secrets file ${path} is not valid JSON (expected {"NAME": "value", …})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new KensaError("bad_config", `secrets file ${path}: expected a JSON object of NAME: "value"`);
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed)) {
    checkName(path, name);
    if (typeof value !== "string") throw new KensaError("bad_config", `secrets file ${path}: ${name} must be a string`);
    out.set(name, value);
  }
  return out;
}

function parseLines(path: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new KensaError("bad_config", `secrets file ${path}:${i + 1}: expected NAME=value`);
    const name = line.slice(0, eq).replace(/^export\s+/, "").trim();
    checkName(path, name, i + 1);
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    out.set(name, value);
  });
  return out;
}

function checkName(path: string, name: string, line?: number): void {
  if (!EnvVarName.safeParse(name).success) {
    throw new KensaError("bad_config", `secrets file ${path}${line ? `:${line}` : ""}: ${JSON.stringify(name.slice(0, 64))} is not an A-Z/0-9/_ name`);
  }
}
