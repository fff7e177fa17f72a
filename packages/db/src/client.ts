// The one place the generated Prisma client is imported; everything else imports from here.
export { PrismaClient, Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
import type { PrismaClient } from "./generated/prisma/client";

/** A client or an interactive transaction: entity queries accept either. */
export type DbClient = PrismaClient | Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
