// Database settings as each process's config schema includes them (see @kensa/core parseEnv).
import { z } from "zod";
import { parseEnv } from "@kensa/core";

/** The data folder's name: where the embedded database, the session key and the admin token live. */
const dataFolderName = ".kensa";

/**
 * KENSA_DATA_DIR, defaulting to `.kensa` in the working directory, or in `root` for a process that runs
 * elsewhere (`next start` runs in apps/web and uses the repository's folder, as kensa start does).
 */
export function dataDirSetting(root?: string) {
  return z.string().min(1).default(root ? `${root.replace(/\/$/, "")}/${dataFolderName}` : dataFolderName);
}

export const databaseEnvShape = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgresql:// connection URL")
    .optional(),
  KENSA_DATA_DIR: dataDirSetting(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
};

export const DatabaseEnv = z.object(databaseEnvShape);
export type DatabaseEnv = z.infer<typeof DatabaseEnv>;

/** The database commands' environment (kensa db, token, audit), parsed once at their start. */
export function parseDatabaseEnv(env: Record<string, string | undefined> = process.env): DatabaseEnv {
  return parseEnv(DatabaseEnv, env);
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "pglite"; dataDir: string; loadDataDir?: Blob };

export function databaseConfigFrom(env: { DATABASE_URL?: string; KENSA_DATA_DIR: string; DATABASE_POOL_SIZE: number }): DatabaseConfig {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: "pglite", dataDir: `${env.KENSA_DATA_DIR.replace(/\/$/, "")}/db` };
}

/** A description safe to print: never the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `PGlite (embedded) in ${config.dataDir}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
