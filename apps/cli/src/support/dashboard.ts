// Hosts the Next.js dashboard inside this process (PGlite has one owner process, STACK.md).
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import type { Database } from "@kensa/db";
import type { JobQueue } from "@kensa/services";

const webDir = fileURLToPath(new URL("../../../web", import.meta.url));

/** The dashboard's production build: made on a fresh clone, remade when a bundled source is newer. */
export async function ensureDashboardBuild(onBuild: () => void): Promise<void> {
  const { webBuildIsStale, buildWebApp } = await import("@kensa/web/server");
  if (!webBuildIsStale(webDir)) return;
  onBuild();
  await buildWebApp(webDir);
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

/** `host` is localhost unless the operator opens it wider (KENSA_HOST): the dashboard carries sign-in and write actions. */
export async function startDashboard(database: Database, queue: JobQueue, port: number, host = "localhost"): Promise<Dashboard> {
  const { createWebHandler, provideJobQueue } = await import("@kensa/web/server");
  provideJobQueue(queue);
  const handler = await createWebHandler({ database, dir: webDir, port, hostname: host });
  const server = createServer((req, res) => void handler.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use: set PORT to another one`) : error));
    server.listen(port, host, resolve);
  });
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
    },
  };
}
