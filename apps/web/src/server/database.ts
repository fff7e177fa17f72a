// The one live Database of this process. A hosting server (kensa start) hands its own in before Next
// prepares; `next start` opens one from the environment on first use. It lives on globalThis because
// Next bundles @kensa/db into its server build: a module-level singleton would exist twice (STACK.md).
import { databaseConfigFrom, openDatabase, type Database } from "@kensa/db";
import { webEnv } from "../config/web-env";

const slot = Symbol.for("kensa.web.database");

interface Slot {
  database?: Database;
  opening?: Promise<Database>;
  ownedByUs?: boolean;
}

function state(): Slot {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[slot] ??= {});
}

/** Called by a hosting server: the web app uses this database and never closes it. */
export function provideDatabase(database: Database): void {
  const s = state();
  s.database = database;
  s.opening = undefined;
  s.ownedByUs = false;
}

export function getDatabase(): Promise<Database> {
  const s = state();
  if (s.database) return Promise.resolve(s.database);
  s.opening ??= openFromEnvironment().then(
    (db) => {
      s.database = db;
      s.ownedByUs = true;
      return db;
    },
    (error: unknown) => {
      s.opening = undefined;
      throw error;
    },
  );
  return s.opening;
}

async function openFromEnvironment(): Promise<Database> {
  const config = databaseConfigFrom(webEnv());
  // Verify only: the schema engine cannot run inside Next's server bundle. kensa start (or kensa db migrate)
  // migrates the embedded database; a PostgreSQL deployment runs `npm run db:migrate` first.
  return openDatabase(config, { migrations: "verify" });
}

/** Releases a database this module opened itself (never one a host provided). */
export async function closeOwnDatabase(): Promise<void> {
  const s = state();
  const db = s.database;
  if (!db || !s.ownedByUs) return;
  s.database = undefined;
  s.ownedByUs = false;
  await db.close();
}
