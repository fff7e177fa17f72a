// Benchmark databases: a fresh migrated PostgreSQL database (dropped afterwards) or an in-memory PGlite.
import pg from "pg";
import { migratePostgres, openDatabase, type Database } from "@kensa/db";

const adminUrl = () => {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/postgres";
  return url;
};

export interface BenchPostgres {
  db: Database;
  url: string;
  drop(): Promise<void>;
}

export async function openBenchPostgres(label: string, poolSize = 10): Promise<BenchPostgres> {
  const name = `kensa_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl();
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const db = await openDatabase({ kind: "postgres", url: url.toString(), poolSize }, { migrations: "verify" });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl().toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function openBenchPglite(): Promise<Database> {
  return openDatabase({ kind: "pglite", dataDir: "memory://" });
}
