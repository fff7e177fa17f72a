// The Prisma client behind a Database, for this package's own queries. index.ts does not export this module,
// so no other package can name the key: everything else goes through @kensa/db's functions (one door).
// Symbol.for: Next bundles @kensa/db a second time, and a Database a hosting server opened must open here too.
import type { PrismaClient } from "./client";

export const prismaKey: unique symbol = Symbol.for("kensa.db.prisma");

export interface PrismaHolder {
  readonly [prismaKey]: PrismaClient;
}

export function prismaOf(db: PrismaHolder): PrismaClient {
  return db[prismaKey];
}
