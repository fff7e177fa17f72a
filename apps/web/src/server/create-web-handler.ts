// Hosting the dashboard inside another Node process (kensa start): the same Next app, the host's Database.
// PGlite has one owner process, so the embedded default serves pages from the process that owns it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Database } from "@kensa/db";
import { disableNextTelemetry } from "../config/next-telemetry";
import { provideDatabase } from "./database";

export interface WebHandlerOptions {
  database: Database;
  /** The Next app folder (apps/web); it must hold a production build (`next build`) unless dev is true. */
  dir: string;
  dev?: boolean;
  hostname?: string;
  port?: number;
}

export interface WebHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

export async function createWebHandler(options: WebHandlerOptions): Promise<WebHandler> {
  provideDatabase(options.database);
  disableNextTelemetry();
  // next is CommonJS with a callable default export; load it from the app folder so one copy serves both.
  const require = createRequire(`${options.dir.replace(/\/$/, "")}/package.json`);
  const next = require("next") as (opts: { dev: boolean; dir: string; hostname?: string; port?: number; quiet?: boolean }) => NextApp;
  const app = next({ dev: options.dev ?? false, dir: options.dir, hostname: options.hostname, port: options.port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handle: (req, res) => handle(req, res),
    close: () => app.close(),
  };
}

interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
}
