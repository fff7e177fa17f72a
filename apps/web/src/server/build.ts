// The production build the hosted dashboard needs. `kensa start` calls ensureWebBuild before
// createWebHandler: a fresh clone builds once (~20 s here), later starts reuse the build unless a source
// file the dashboard bundles is newer than it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { nextBuildEnv } from "../config/next-telemetry";

/** Folders whose files end up in the build: the app and the workspace packages it bundles. */
const bundled = ["src", "next.config.ts", "package.json", "../../packages/core/src", "../../packages/db/src", "../../packages/mcp/src"];

export function webBuildIsStale(dir: string): boolean {
  const buildId = join(dir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return bundled.some((p) => newerThan(resolve(dir, p), builtAt));
}

function newerThan(path: string, time: number): boolean {
  if (!existsSync(path)) return false;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(path, { withFileTypes: true }).some((d) => d.name !== "node_modules" && d.name !== "generated" && newerThan(join(path, d.name), time));
}

/** Runs `next build` in `dir`; resolves when it succeeds, rejects with the tail of its output otherwise. */
export function buildWebApp(dir: string, onOutput?: (chunk: string) => void): Promise<void> {
  const nextBin = createRequire(join(dir, "package.json")).resolve("next/dist/bin/next");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: dir, env: nextBuildEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (d: Buffer) => {
      output = (output + d.toString()).slice(-8000);
      onOutput?.(d.toString());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`next build exited with ${code}:\n${output}`))));
  });
}

export async function ensureWebBuild(dir: string, onOutput?: (chunk: string) => void): Promise<"built" | "reused"> {
  if (!webBuildIsStale(dir)) return "reused";
  await buildWebApp(dir, onOutput);
  return "built";
}
