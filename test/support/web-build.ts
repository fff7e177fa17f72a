// One production build of apps/web per test run, shared by every suite that needs it: the first caller
// builds under a lock in the run's scratch folder, the others wait for its marker.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWebApp } from "@kensa/web/server";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const webDir = join(repoRoot, "apps", "web");
export const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
// The whole run shares one fresh build: tests must exercise this checkout's code, whatever .next holds.

const scratch = () => process.env.KENSA_TEST_SCRATCH ?? join(repoRoot, ".reports");

export async function ensureWebBuild(): Promise<void> {
  // A developer iterating on tests can reuse the build they already made.
  if (process.env.KENSA_TEST_REUSE_WEB_BUILD === "1" && existsSync(join(webDir, ".next", "BUILD_ID"))) return;
  const lock = join(scratch(), "web-build.lock");
  const marker = join(scratch(), "web-build.done");
  for (;;) {
    if (existsSync(marker)) {
      const status = await readFile(marker, "utf8");
      if (status !== "ok") throw new Error(`the shared web build failed:\n${status}`);
      return;
    }
    try {
      await mkdir(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    await runBuild();
    await writeFile(marker, "ok");
  } catch (error) {
    await writeFile(marker, String(error));
    throw error;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function runBuild(): Promise<void> {
  return buildWebApp(webDir);
}
