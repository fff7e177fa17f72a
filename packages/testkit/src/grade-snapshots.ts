// The newest stored grade snapshot of every graded service, newest first: tests pick a capped service from these.
import { latestGrade, latestGrades, type Database } from "@kensa/db";

export async function newestGradeSnapshots(db: Database) {
  const newest = await latestGrades(db);
  const rows = await Promise.all(newest.map((g) => latestGrade(db, g.serviceId)));
  return rows.filter((r) => r !== null).sort((a, b) => b.computedAt.getTime() - a.computedAt.getTime());
}
