// Installs a vendor's pinned npm package into Kensa's data folder (`<root>/<name>@<version>`), never the
// project's node_modules: `npm pack` fetches the exact tarball, whose sha512 must equal the catalogue's
// integrity hash before anything is installed; then `npm install --ignore-scripts` of that tarball into a
// prefix of its own (no install scripts of the vendor's or its dependencies' run). A finished install is
// marked, so a second start reuses it; an unfinished one is never used (it is built aside, then renamed).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { packageFolderName, type PackageLaunch } from "@kensa/core";
import { hostPath } from "../config/host-path";
import { findExecutable } from "./resolve-command";

const MARKER = ".kensa-installed.json";

export type PackageInstallFailure = "network_unreachable" | "integrity_mismatch" | "install_failed" | "no_executable" | "npm_missing";

export type PackageInstall =
  | { ok: true; dir: string; binPath: string; cached: boolean; ms: number }
  | { ok: false; reason: PackageInstallFailure; detail: string; ms: number };

export interface InstallOptions {
  /** The data folder's package root, e.g. `.kensa/packages`. */
  root: string;
  /** npm's environment (its cache and registry settings); the caller's config module decides what passes. */
  env: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** Where an installed package's executable is, whether or not it is installed yet. */
export function installedBinPath(root: string, launch: Pick<PackageLaunch, "name" | "version" | "bin">): string {
  return join(resolve(root), packageFolderName(launch), "node_modules", ".bin", launch.bin);
}

/** The install already in the data folder, when it is complete and for this integrity hash. */
export async function cachedInstall(rootGiven: string, launch: PackageLaunch): Promise<{ dir: string; binPath: string } | undefined> {
  const root = resolve(rootGiven);
  const dir = join(root, packageFolderName(launch));
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), "utf8")) as { integrity?: string };
    const binPath = installedBinPath(root, launch);
    return marker.integrity === launch.integrity && existsSync(binPath) ? { dir, binPath } : undefined;
  } catch {
    return undefined;
  }
}

export async function installPackage(launch: PackageLaunch, given: InstallOptions): Promise<PackageInstall> {
  // npm runs with the install folder as its working folder and the child later runs from a temp folder: a relative
  // root (the default data folder is ".kensa") would be read against each of them. One absolute root for all.
  const options = { ...given, root: resolve(given.root) };
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const cached = await cachedInstall(options.root, launch);
  if (cached) return { ok: true, ...cached, cached: true, ms: ms() };
  const npm = findExecutable("npm", hostPath());
  if (!npm) return { ok: false, reason: "npm_missing", detail: "npm is not on PATH", ms: ms() };
  const dir = join(options.root, packageFolderName(launch));
  const work = `${dir}.partial-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // One quick retry: an unreachable host (the registry, or a dependency's git host) fails in seconds, not minutes.
  const quick = ["--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=10000"];
  const run = (args: string[]) => npmRun(npm, [...args, ...quick], work, options.env, options.timeoutMs ?? 240_000);
  try {
    await mkdir(work, { recursive: true });
    await writeFile(join(work, "package.json"), '{ "private": true }\n');
    const packed = await run(["pack", `${launch.name}@${launch.version}`, "--json", "--pack-destination", work, "--ignore-scripts"]);
    if (!packed.ok) return { ok: false, reason: unreachable(packed.detail) ? "network_unreachable" : "install_failed", detail: packed.detail, ms: ms() };
    const filename = tarballName(packed.stdout);
    if (!filename) return { ok: false, reason: "install_failed", detail: `npm pack printed no file name: ${packed.stdout.slice(0, 200)}`, ms: ms() };
    const tarball = join(work, filename);
    const integrity = `sha512-${createHash("sha512").update(await readFile(tarball)).digest("base64")}`;
    if (integrity !== launch.integrity) {
      return { ok: false, reason: "integrity_mismatch", detail: `${launch.name}@${launch.version}: the registry served ${integrity}, the catalogue pins ${launch.integrity}`, ms: ms() };
    }
    const installed = await run(["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-save", "--prefix", work, tarball]);
    if (!installed.ok) return { ok: false, reason: unreachable(installed.detail) ? "network_unreachable" : "install_failed", detail: installed.detail, ms: ms() };
    if (!existsSync(join(work, "node_modules", ".bin", launch.bin))) {
      return { ok: false, reason: "no_executable", detail: `${launch.name}@${launch.version} installs no executable named ${launch.bin}`, ms: ms() };
    }
    await rm(tarball, { force: true });
    await writeFile(join(work, MARKER), `${JSON.stringify({ name: launch.name, version: launch.version, integrity: launch.integrity, installedAt: new Date().toISOString() })}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
    return { ok: true, dir, binPath: installedBinPath(options.root, launch), cached: false, ms: ms() };
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

function npmRun(npm: string, args: string[], cwd: string, env: Record<string, string | undefined>, timeoutMs: number): Promise<{ ok: true; stdout: string } | { ok: false; detail: string }> {
  return new Promise((resolve) => {
    execFile(npm, args, { cwd, env: { ...env, PATH: env.PATH ?? hostPath() }, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const lines = (stderr || error.message).trim().split("\n").filter((l) => /ERR|error/i.test(l));
      resolve({ ok: false, detail: (lines.length ? lines : [error.message]).slice(0, 4).join(" | ").slice(0, 600) });
    });
  });
}

function tarballName(stdout: string): string | undefined {
  try {
    const parsed = JSON.parse(stdout) as { filename?: string }[];
    return parsed[0]?.filename?.replace(/^@/, "").replace(/\//g, "-");
  } catch {
    return undefined;
  }
}

function unreachable(detail: string): boolean {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|offline|socket hang up/i.test(detail);
}
