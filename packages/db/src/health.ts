// A round trip through the same client every query uses: /api/health answers from this.
import type { Database } from "./open-database";
import { prismaOf } from "./prisma-of";

export async function pingDatabase(db: Database): Promise<void> {
  await prismaOf(db).$queryRawUnsafe("SELECT 1");
}
