// The shape of the public schema as the catalog reports it. The WebAssembly engine can introspect PGlite
// but not a real PostgreSQL through adapter-pg (STACK.md), so drift on PostgreSQL is judged by comparing
// this fingerprint with the one of a PGlite that the engine has verified against schema.prisma.
// NOT NULL is read from the columns: PostgreSQL 17 (PGlite) also lists it as a constraint, 15 does not.
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export async function schemaFingerprint(database: Database): Promise<string[]> {
  const db = prismaOf(database);
  const cols = await db.$queryRawUnsafe<{ line: string }[]>(
    `SELECT format('column %s.%s %s %s default=%s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '')) AS line
     FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const idx = await db.$queryRawUnsafe<{ line: string }[]>(
    `SELECT format('index %s %s', tablename, indexdef) AS line FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const cons = await db.$queryRawUnsafe<{ line: string }[]>(
    `SELECT format('constraint %s %s', conrelid::regclass::text, pg_get_constraintdef(oid)) AS line
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'`,
  );
  return [...cols, ...idx, ...cons].map((r) => r.line).sort();
}
