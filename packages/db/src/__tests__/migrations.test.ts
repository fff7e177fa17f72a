import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createTestPostgres, skipWithoutPostgres } from "@kensa/testkit";
import { applyPendingMigrations, migratePostgres, migrationStatus, openDatabase, pendingSchemaChange, schemaFingerprint } from "../index";
import { readMigrationList } from "../migrations/migration-files";
import { prismaOf } from "../prisma-of";

const allMigrations = readMigrationList().migrationDirectories.map((d) => d.path);

describe("migrations", () => {
  it("the committed migrations produce exactly schema.prisma (no pending schema change)", async () => {
    expect(await pendingSchemaChange()).toBe("");
  });

  it("apply to an empty PGlite, then re-applying is a no-op and status is clean", async () => {
    const pglite = new PGlite("memory://");
    try {
      const factory = new PrismaPGlite(pglite);
      expect(await applyPendingMigrations(factory)).toEqual(allMigrations);
      expect(await applyPendingMigrations(factory)).toEqual([]);
      const status = await migrationStatus(factory);
      expect(status).toEqual({ pending: [], failed: [], edited: [], hasMigrationsTable: true });
    } finally {
      await pglite.close();
    }
  });

  it("the embedded database migrates itself on open and keeps data across reopen", async () => {
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "kensa-pglite-"));
    try {
      const first = await openDatabase({ kind: "pglite", dataDir: join(dir, "db") });
      await prismaOf(first).auditEvent.create({ data: { actor: "test", action: "db.open" } });
      await first.close();
      const second = await openDatabase({ kind: "pglite", dataDir: join(dir, "db") });
      expect(await prismaOf(second).auditEvent.count()).toBe(1);
      const rows = await prismaOf(second).$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM _prisma_migrations");
      expect(Number(rows[0]?.n)).toBe(allMigrations.length);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipWithoutPostgres())("migrations on PostgreSQL", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it("apply to an empty database, re-apply is a no-op, and the catalog matches a PGlite built from schema.prisma", async () => {
    const empty = await createTestPostgres({ empty: true });
    cleanup.push(empty.drop);
    expect(await migratePostgres(empty.url)).toEqual(allMigrations);
    expect(await migratePostgres(empty.url)).toEqual([]);

    const pg = await openDatabase({ kind: "postgres", url: empty.url, poolSize: 2 }, { migrations: "verify" });
    const pgShape = await schemaFingerprint(pg);
    await pg.close();

    const lite = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    const liteShape = await schemaFingerprint(lite);
    await lite.close();
    expect(pgShape.length).toBeGreaterThan(50);
    expect(pgShape).toEqual(liteShape);
  });

  it("a PostgreSQL database missing migrations is refused on open with the command to fix it", async () => {
    const empty = await createTestPostgres({ empty: true });
    cleanup.push(empty.drop);
    await expect(openDatabase({ kind: "postgres", url: empty.url, poolSize: 1 })).rejects.toThrow(new RegExp(`missing ${allMigrations.length} migration\\(s\\).*npm run db:migrate`));
  });
});
