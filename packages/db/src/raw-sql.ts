// A thin SQL path beside Prisma for the bulk ingest: the same connection pool (PostgreSQL) or the same
// PGlite instance, without the adapter's per-argument conversion — which dominates with 50k-element arrays.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

export type SqlQuery = <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;

export interface RawSql {
  query: SqlQuery;
  transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T>;
}

export function pgRawSql(pool: pg.Pool): RawSql {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
    async transaction<T>(fn: (query: SqlQuery) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[]);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function pgliteRawSql(pglite: PGlite): RawSql {
  const run = (target: PGlite | Transaction) => async <Row>(sql: string, params?: unknown[]) => (await target.query<Row>(sql, params)).rows;
  return {
    query: run(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(run(tx))),
  };
}
