// A fresh PostgreSQL database per test file, cloned from the run's migrated template (fast, isolated).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@kensa/db";
import { postgresAdminUrl, postgresTemplate } from "./services";

export interface TestPostgres {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function databaseUrl(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(name: string, template: string): Promise<void> {
  await admin((c) => c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`));
}

/** Creates an empty database (template0) or a migrated clone (the run's template). */
export async function createTestPostgres(options: { empty?: boolean } = {}): Promise<TestPostgres> {
  if (!postgresTemplate && !options.empty) throw new Error("no PostgreSQL template: the global setup did not run or PostgreSQL is unavailable");
  const name = `${postgresTemplate ?? `kensa_test_${process.pid}`}_${randomBytes(4).toString("hex")}`;
  await createDatabase(name, options.empty ? "template0" : postgresTemplate!);
  return {
    url: databaseUrl(name),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated PostgreSQL database opened through @kensa/db; close() also drops it. */
export async function openTestPostgresDatabase(options: { poolSize?: number } = {}): Promise<Database & { url: string }> {
  const created = await createTestPostgres();
  const db = await openDatabase({ kind: "postgres", url: created.url, poolSize: options.poolSize ?? 5 }, { migrations: "verify" });
  return {
    ...db,
    url: created.url,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

export async function dropDatabasesWithPrefix(prefix: string): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const row of rows) await c.query(`DROP DATABASE IF EXISTS ${quote(row.datname)} WITH (FORCE)`);
  });
}

export { admin as withPostgresAdmin };
