// package.probe: run a service's vendor package once, classify, store it as a `package` run (idempotent by
// its key). Package runs are findings about the vendor's published server: the ingest keeps them out of
// rollups and grades (core data-source.ts), so no re-grade is asked for.
import { recordRuns, runExists } from "@kensa/db";
import { type PackageProbePayload, packageRunIdempotencyKey } from "@kensa/services";
import type { JobContext } from "../runtime/job-context";
import { classifiedRun } from "./classified-run";
import { UnrecoverableJobError } from "../runtime/unrecoverable-job-error";

export type PackageProbeResult = { status: "recorded"; runId: string; failedSteps: number } | { status: "duplicate"; idempotencyKey: string };

export async function handlePackageProbe(payload: PackageProbePayload, ctx: JobContext): Promise<PackageProbeResult> {
  if (!ctx.probePackage) throw new UnrecoverableJobError("package.probe: package probes are off in this process (KENSA_PACKAGES=off)");
  const idempotencyKey = packageRunIdempotencyKey(payload);
  if (await runExists(ctx.db, idempotencyKey)) return { status: "duplicate", idempotencyKey };
  const execution = await ctx.probePackage(payload.serviceId);
  const run = classifiedRun(idempotencyKey, { serviceId: payload.serviceId, trigger: payload.trigger, path: "direct", workerId: ctx.workerId }, execution);
  const report = await recordRuns(ctx.db, [run]);
  if (report.inserted.length === 0) return { status: "duplicate", idempotencyKey };
  const failedSteps = run.steps.filter((s) => s.classification).length;
  ctx.log("package.recorded", { serviceId: run.serviceId, package: run.summary.package ? `${run.summary.package.name}@${run.summary.package.version}` : undefined, runId: run.id, failedSteps });
  return { status: "recorded", runId: run.id, failedSteps };
}
