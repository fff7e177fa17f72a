// What _prisma_migrations says was applied, in order, for `kensa db status`; none when the table is missing.
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export async function appliedMigrations(db: Database): Promise<{ name: string; finishedAt: Date | null }[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
    "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY started_at",
  ).catch(() => []);
  return rows.map((r) => ({ name: r.migration_name, finishedAt: r.finished_at }));
}
