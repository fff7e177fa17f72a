// rollup.rebuild: recompute daily rollups of a range from raw steps (repair, or after a classifier change).
import { rebuildRollups, recordAudit } from "@kensa/db";
import type { RollupRebuildPayload } from "../jobs/definitions";
import type { JobContext } from "../runtime/job-context";

export async function handleRollupRebuild(payload: RollupRebuildPayload, ctx: JobContext): Promise<{ rows: number }> {
  const rows = await rebuildRollups(ctx.db, payload);
  await recordAudit(ctx.db.prisma, { actor: `worker:${ctx.workerId}`, action: "rollup.rebuild", target: payload.serviceIds?.join(",") ?? "*", details: { ...payload, rows } });
  return { rows };
}
