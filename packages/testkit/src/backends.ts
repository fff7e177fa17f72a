// Run one database suite on both backends: `describe.each(databaseBackends)(…)`.
import type { Database } from "@kensa/db";
import { hasPostgres, inCi, postgresUnavailable } from "./services";
import { openTestPgliteDatabase } from "./pglite";
import { openTestPostgresDatabase } from "./postgres";

export interface DatabaseBackend {
  name: "pglite" | "postgres";
  available: boolean;
  open(): Promise<Database>;
}

export const databaseBackends: DatabaseBackend[] = [
  { name: "pglite", available: true, open: openTestPgliteDatabase },
  { name: "postgres", available: hasPostgres, open: () => openTestPostgresDatabase() },
];

/** For `describe.skipIf(...)`: never skips in CI, where a missing service must fail loudly instead. */
export function skipWithoutPostgres(): boolean {
  if (hasPostgres) return false;
  if (inCi) throw new Error(`PostgreSQL is required in CI: ${postgresUnavailable ?? "no template database"}`);
  return true;
}
