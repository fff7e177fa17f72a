// The one place the generated Prisma client is imported; everything else in this package imports from here.
export { PrismaClient, Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
