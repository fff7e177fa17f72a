// Reads prisma/migrations the way the Prisma CLI does, so the engine sees the same list it would.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

// The repository holding prisma/: found by walking up from this file (tsx, vitest) or, when a bundler has
// moved this code (the Next server build), from the working directory.
function findRepoRoot(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return process.cwd();
}

const repoRoot = findRepoRoot();
export const schemaPath = join(repoRoot, "prisma", "schema.prisma");
export const migrationsDir = join(repoRoot, "prisma", "migrations");

export function readSchema(): { path: string; content: string } {
  return { path: schemaPath, content: readFileSync(/* turbopackIgnore: true */ schemaPath, "utf8") };
}

export function readMigrationList(dir = migrationsDir): MigrationList {
  const lockPath = join(dir, "migration_lock.toml");
  const names = existsSync(/* turbopackIgnore: true */ dir)
    ? readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: dir,
    // Before the first migration there is no lock file yet; the engine still needs to know the connector.
    lockfile: { path: "migration_lock.toml", content: existsSync(/* turbopackIgnore: true */ lockPath) ? readFileSync(/* turbopackIgnore: true */ lockPath, "utf8") : migrationLockContent },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(/* turbopackIgnore: true */ file)
            ? { tag: "ok" as const, value: readFileSync(/* turbopackIgnore: true */ file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

export const migrationLockContent = '# Written by npm run db:migration; do not edit.\nprovider = "postgresql"\n';

export const noFilters = { externalTables: [], externalEnums: [] };
