// Hosts the Next.js dashboard inside this process (PGlite has one owner process, STACK.md), building it
// first when there is no production build or the sources are newer than it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "@kensa/db";

const webDir = fileURLToPath(new URL("../../../web", import.meta.url));
const sourceDirs = ["apps/web/src", "packages/core/src", "packages/db/src"].map((d) => fileURLToPath(new URL(`../../../../${d}`, import.meta.url)));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function dashboardBuildIsCurrent(): boolean {
  const buildId = join(webDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return sourceDirs.every((dir) => !existsSync(dir) || newestMtime(dir) <= built);
}

export async function buildDashboard(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: webDir, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${stderr}`))));
  });
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

export async function startDashboard(database: Database, port: number): Promise<Dashboard> {
  const { createWebHandler } = await import("@kensa/web/server");
  const handler = await createWebHandler({ database, dir: webDir, port, hostname: "localhost" });
  const server = createServer((req, res) => void handler.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use: set PORT to another one`) : error));
    server.listen(port, resolve);
  });
  return {
    url: `http://localhost:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
    },
  };
}
