// An in-memory PGlite per test, loaded from the run's migrated dump (~2 s instead of ~5 s for initdb).
import { readFile } from "node:fs/promises";
import { openDatabase, type Database } from "@kensa/db";
import { pgliteTemplatePath } from "./services";

export async function openTestPgliteDatabase(): Promise<Database> {
  if (!pgliteTemplatePath) return openDatabase({ kind: "pglite", dataDir: "memory://" });
  const dump = await readFile(pgliteTemplatePath);
  return openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir: new Blob([dump]) }, { migrations: "none" });
}
