// A fast start-up check for shared PostgreSQL: compare _prisma_migrations with the folder, no engine needed.
import { KensaError } from "@kensa/core";
import type { PrismaClient } from "../client";
import { readMigrationList } from "./migration-files";

export async function assertMigrated(prisma: PrismaClient, description: string): Promise<void> {
  const expected = readMigrationList().migrationDirectories.map((d) => d.path);
  let applied: string[];
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    applied = rows.map((r) => r.migration_name);
  } catch (cause) {
    if (/_prisma_migrations|does not exist/.test(String(cause))) applied = [];
    else throw new KensaError("unavailable", `cannot read the migration table of ${description}: ${String(cause)}`, undefined, { cause });
  }
  const pending = expected.filter((name) => !applied.includes(name));
  if (pending.length > 0) {
    throw new KensaError("bad_config", `${description} is missing ${pending.length} migration(s) (${pending.join(", ")}): run npm run db:migrate (or npx kensa db migrate for the embedded database)`);
  }
}
