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

/**
 * While a methodology version is staged, each grade carries its future under it (stored with the fixes). The
 * staged version the newest `current` grade's future was computed under, when it differs from `staged` (null:
 * none) and no `current` grade carries `staged`'s future yet; undefined when nothing needs re-grading.
 */
export async function supersededStagedMethodology(db: Database, current: string, staged: string | null): Promise<string | null | undefined> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ staged: string | null; fresh: boolean }[]>(
    `SELECT (SELECT fixes->'future'->>'methodologyVersion' FROM grade_snapshot WHERE methodology_version = $1 ORDER BY computed_at DESC LIMIT 1) AS staged,
            EXISTS (SELECT 1 FROM grade_snapshot WHERE methodology_version = $1 AND (fixes->'future'->>'methodologyVersion') IS NOT DISTINCT FROM $2) AS fresh,
            EXISTS (SELECT 1 FROM grade_snapshot WHERE methodology_version = $1) AS any`,
    current, staged,
  );
  const row = rows[0] as { staged: string | null; fresh: boolean; any: boolean } | undefined;
  if (!row || !row.any || row.fresh) return undefined;
  return row.staged;
}
