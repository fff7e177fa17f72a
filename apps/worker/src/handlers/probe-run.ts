// probe.run: probe one service once, classify, store run + steps + rollups in one idempotent write,
// then ask for a re-grade. A second delivery of the same job finds its key and does nothing.
import { recordRuns, runExists } from "@kensa/db";
import { type ProbeRunPayload, runIdempotencyKey, runsReadinessChecks } from "@kensa/services";
import type { JobContext } from "../runtime/job-context";
import { classifiedRun } from "./classified-run";
import { recordRunTrace } from "../telemetry/tracing";

export type ProbeRunResult = { status: "recorded"; runId: string; failedSteps: number } | { status: "duplicate"; idempotencyKey: string };

export async function handleProbeRun(payload: ProbeRunPayload, ctx: JobContext): Promise<ProbeRunResult> {
  const idempotencyKey = runIdempotencyKey(payload);
  if (await runExists(ctx.db, idempotencyKey)) return { status: "duplicate", idempotencyKey };

  const execution = await ctx.probeService(payload.serviceId, payload.path, { withChecks: runsReadinessChecks(payload) });
  const run = classifiedRun(idempotencyKey, { serviceId: payload.serviceId, trigger: payload.trigger, path: payload.path, workerId: ctx.workerId }, execution);
  const report = await recordRuns(ctx.db, [run]);
  if (report.inserted.length === 0) return { status: "duplicate", idempotencyKey };

  recordRunTrace(ctx.tracer, run);
  // Backfill grades once per simulated day itself; live evidence re-grades the service (one pending job at most).
  if (payload.trigger !== "backfill") {
    await ctx.queue.add("grade.compute", { serviceId: run.serviceId, reason: "new-evidence" }, { dedupeId: `grade.compute|${run.serviceId}` });
  }
  const failedSteps = run.steps.filter((s) => s.classification).length;
  ctx.log("probe.recorded", { serviceId: run.serviceId, path: run.path, runId: run.id, steps: run.steps.length, failedSteps });
  return { status: "recorded", runId: run.id, failedSteps };
}
