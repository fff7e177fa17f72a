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
      // A connection cut between two statements (server restart, terminated backend) is reported by the next
      // query; as an unheard 'error' event it would crash the process.
      const ignore = () => undefined;
      client.on("error", ignore);
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[]);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // A client that cannot even roll back is broken: destroy it rather than hand it to the next job.
        await client.query("ROLLBACK").catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.off("error", ignore);
        client.release(broken);
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
