import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { openTestPostgresDatabase, skipWithoutPostgres } from "@kensa/testkit";
import type { Database } from "../open-database";

// A backend terminated while a transaction holds its connection between two statements (a server restart,
// an administrator, a failover) must fail that transaction only: an unheard 'error' event on the checked-out
// client would crash the whole worker. Vitest fails the run on such an uncaught error.
describe.skipIf(skipWithoutPostgres())("PostgreSQL connection lost inside a transaction", () => {
  let db: Database & { url: string };
  let admin: pg.Client;
  beforeAll(async () => {
    db = await openTestPostgresDatabase({ poolSize: 2 });
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
  });

  it("fails the transaction, not the process, and the pool serves the next one", async () => {
    const attempt = db.sql.transaction(async (q) => {
      const [row] = await q<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await admin.query("SELECT pg_terminate_backend($1)", [row!.pid]);
      await new Promise((r) => setTimeout(r, 300)); // the FATAL message arrives while no query is running
      return q("SELECT 1");
    });
    await expect(attempt).rejects.toThrow();
    const after = await db.sql.transaction((q) => q<{ n: number }>("SELECT 42 AS n"));
    expect(after).toEqual([{ n: 42 }]);
  });
});
