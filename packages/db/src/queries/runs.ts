// Reading runs back: existence by idempotency key (the worker's guard before probing) and recent runs.
import type { DbClient } from "../client";

export async function runExists(db: DbClient, idempotencyKey: string): Promise<boolean> {
  return (await db.probeRun.count({ where: { idempotencyKey } })) > 0;
}

export function recentRuns(db: DbClient, serviceId: string, limit = 20) {
  return db.probeRun.findMany({ where: { serviceId }, orderBy: { startedAt: "desc" }, take: limit });
}

/** Runs whose idempotency keys start with a prefix, counted per key: the exactly-once audit of a sweep. */
export async function countRunsByKeyPrefix(db: DbClient, prefix: string): Promise<Map<string, number>> {
  const rows = await db.probeRun.groupBy({ by: ["idempotencyKey"], where: { idempotencyKey: { startsWith: prefix } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.idempotencyKey, r._count._all]));
}
