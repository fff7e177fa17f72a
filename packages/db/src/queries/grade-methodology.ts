// Grades by methodology version: which version the stored grades were made under, so a build with a new
// methodology re-grades every service once (a re-grade already under way has stored some of this version's).
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

/** The version of the newest grade made under another methodology than `current`, unless some grade is already `current`'s. */
export async function supersededMethodology(db: Database, current: string): Promise<string | null> {
  const grades = prismaOf(db).gradeSnapshot;
  const [stale, fresh] = await Promise.all([
    grades.findFirst({ where: { methodologyVersion: { not: current } }, orderBy: { computedAt: "desc" }, select: { methodologyVersion: true } }),
    grades.findFirst({ where: { methodologyVersion: current }, select: { id: true } }),
  ]);
  return stale && !fresh ? stale.methodologyVersion : null;
}
