// openDatabase: PostgreSQL when a URL is configured, otherwise embedded PGlite in a local folder.
// PGlite has one connection and one owner process (STACK.md): keep one Database per process.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { KensaError } from "@kensa/core";
import { PrismaClient } from "./client";
import { describeDatabase, type DatabaseConfig } from "./config";
import { applyPendingMigrations } from "./migrations/migrate";
import { assertMigrated } from "./migrations/assert-migrated";
import { prismaKey, type PrismaHolder } from "./prisma-of";
import { pgliteRawSql, pgRawSql, type RawSql } from "./raw-sql";

/** The Prisma client inside is this package's own (prisma-of.ts): other packages call @kensa/db's functions. */
interface DatabaseBase extends PrismaHolder {
  /** The driver beneath Prisma, for bulk paths (see raw-sql.ts). */
  sql: RawSql;
  description: string;
  close(): Promise<void>;
}

export type Database = (DatabaseBase & { kind: "postgres" }) | (DatabaseBase & { kind: "pglite"; pglite: PGlite });

export interface OpenOptions {
  /** apply: run pending migrations (the embedded default); verify: fail if any are pending; none: trust the caller. */
  migrations?: "apply" | "verify" | "none";
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const description = describeDatabase(config);
  if (config.kind === "postgres") {
    // JIT off: PostgreSQL's row estimates for jsonb_each over rollups trigger JIT compilation that costs
    // 35–300 ms per dashboard query and saves nothing on queries this short (measured on a year of history).
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize, options: "-c jit=off" });
    // An idle client's error (e.g. the server restarting) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    const factory = new PrismaPg(pool);
    const mode = options.migrations ?? "verify";
    const close = async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    };
    if (mode === "apply") await applyPendingMigrations(factory);
    const prisma = new PrismaClient({ adapter: factory });
    if (mode === "verify") await assertMigrated(prisma, description).catch(async (e: unknown) => { await close(); throw e; });
    return { kind: "postgres", [prismaKey]: prisma, sql: pgRawSql(pool), description, close };
  }
  if (!config.dataDir.startsWith("memory://")) mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: config.dataDir, loadDataDir: config.loadDataDir }).catch((cause: unknown) => {
    throw new KensaError("unavailable", `cannot open the embedded database in ${config.dataDir}: ${String(cause)} (is another Kensa process using it?)`, undefined, { cause });
  });
  const factory = new PrismaPGlite(pglite);
  const mode = options.migrations ?? "apply";
  if (mode === "apply") await applyPendingMigrations(factory);
  const prisma = new PrismaClient({ adapter: factory });
  // verify: for a process that cannot run the schema engine (the dashboard's server bundle).
  if (mode === "verify") await assertMigrated(prisma, description).catch(async (e: unknown) => { await prisma.$disconnect(); await pglite.close(); throw e; });
  return {
    kind: "pglite",
    [prismaKey]: prisma,
    pglite,
    sql: pgliteRawSql(pglite),
    description,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
