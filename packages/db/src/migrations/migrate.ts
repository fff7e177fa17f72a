// Apply, inspect and create migrations with the WebAssembly schema engine (see schema-engine.ts).
// Keeps Prisma's standard _prisma_migrations table, so `prisma migrate deploy` stays compatible.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openSchemaEngine } from "./schema-engine";
import { migrationLockContent, migrationsDir, noFilters, readMigrationList, readSchema } from "./migration-files";

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, use: (e: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>): Promise<T> {
  const engine = await openSchemaEngine(readSchema(), factory);
  try {
    return await use(engine);
  } finally {
    engine.free();
  }
}

/** Applies pending migrations to a PostgreSQL database by URL (npm run db:migrate, tests, kensa start). */
export async function migratePostgres(url: string): Promise<string[]> {
  // Our own pool, ended here: a lingering connection would block CREATE DATABASE … TEMPLATE on this database.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await applyPendingMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function applyPendingMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

export interface MigrationStatus {
  pending: string[];
  failed: string[];
  edited: string[];
  hasMigrationsTable: boolean;
}

/** What the database lacks or disagrees with, relative to prisma/migrations. */
export async function migrationStatus(factory: SqlMigrationAwareDriverAdapterFactory): Promise<MigrationStatus> {
  return withEngine(factory, async (engine) => {
    const out = await engine.diagnoseMigrationHistory({ migrationsList: readMigrationList(), optInToShadowDatabase: false, filters: noFilters });
    const history = out.history;
    return {
      pending: history?.diagnostic === "databaseIsBehind" ? history.unappliedMigrationNames : [],
      failed: out.failedMigrationNames,
      edited: out.editedMigrationNames,
      hasMigrationsTable: out.hasMigrationsTable,
    };
  });
}

/**
 * SQL that would take the committed migrations to schema.prisma; empty when they agree.
 * The migrations are replayed into a throwaway in-memory PGlite (the shadow database).
 */
export async function pendingSchemaChange(): Promise<string> {
  const scratch = new PGlite("memory://");
  try {
    return await withEngine(new PrismaPGlite(scratch), async (engine) => {
      const schema = readSchema();
      const out = await engine.diff({
        from: { tag: "migrations", ...readMigrationList() },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = out.stdout ?? "";
      return /^\s*(--.*\s*)*$/.test(sql) ? "" : sql;
    });
  } finally {
    await scratch.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql for the schema's pending change. */
export async function createMigration(name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`migration name "${name}" must be snake_case letters, digits and _`);
  const sql = await pendingSchemaChange();
  if (sql === "") return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  writeFileSync(join(migrationsDir, "migration_lock.toml"), migrationLockContent);
  return dir;
}
