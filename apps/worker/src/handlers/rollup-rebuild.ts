// rollup.rebuild: recompute daily rollups of a range from raw steps (repair, or after a classifier change).
import { rebuildRollups, recordAudit } from "@kensa/db";
import type { RollupRebuildPayload } from "@kensa/services";
import type { JobContext } from "../runtime/job-context";

export async function handleRollupRebuild(payload: RollupRebuildPayload, ctx: JobContext): Promise<{ rows: number }> {
  const rows = await rebuildRollups(ctx.db, payload);
  await recordAudit(ctx.db, { actor: `worker:${ctx.workerId}`, action: "rollup.rebuild", target: payload.serviceIds?.join(",") ?? "*", details: { ...payload, rows } });
  return { rows };
}
