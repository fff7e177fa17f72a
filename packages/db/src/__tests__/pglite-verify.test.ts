// A process that cannot run the schema engine (the dashboard's server bundle) opens the embedded
// database with migrations: "verify": a migrated one opens, an unmigrated one is refused with the fix.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pgliteTemplatePath } from "@kensa/testkit";
import { openDatabase } from "../open-database";
import { prismaOf } from "../prisma-of";

describe("opening PGlite with migrations: verify", () => {
  it("refuses an unmigrated embedded database and names the command that fixes it", async () => {
    await expect(openDatabase({ kind: "pglite", dataDir: "memory://" }, { migrations: "verify" })).rejects.toThrow(/missing \d+ migration\(s\).*kensa db migrate/);
  });

  it.skipIf(!pgliteTemplatePath)("opens a migrated one", async () => {
    const dump = await readFile(pgliteTemplatePath!);
    const db = await openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir: new Blob([dump]) }, { migrations: "verify" });
    expect(await prismaOf(db).service.count()).toBe(0);
    await db.close();
  });
});
