// kensa db migrate | status — the database the environment names (DATABASE_URL, or the embedded one).
import { parseArgs } from "node:util";
import { appliedMigrations, databaseConfigFrom, describeDatabase, migratePostgres, openDatabase, parseDatabaseEnv } from "@kensa/db";
import { UsageError, type Command } from "../command";

export const dbCommand: Command = {
  name: "db",
  summary: "apply pending migrations (migrate) or show what is applied (status)",
  usage: "kensa db migrate | kensa db status",
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
    const action = positionals[0];
    if (action !== "migrate" && action !== "status") throw new UsageError(`expected "migrate" or "status", got ${action === undefined ? "nothing" : `"${action}"`}`);
    const config = databaseConfigFrom(parseDatabaseEnv());
    if (action === "migrate" && config.kind === "postgres") {
      const applied = await migratePostgres(config.url);
      console.log(`${describeDatabase(config)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
      return 0;
    }
    // The embedded database migrates itself on open; status reads the migration table either way.
    const db = await openDatabase(config, { migrations: action === "migrate" ? "apply" : "none" });
    try {
      const rows = await appliedMigrations(db);
      console.log(db.description);
      for (const row of rows) console.log(`  ${row.finishedAt ? "applied" : "FAILED "}  ${row.name}`);
      if (rows.length === 0) console.log("  no migrations applied");
      return 0;
    } finally {
      await db.close();
    }
  },
};
