// The handler table both runners dispatch through (runtime/run-job.ts validates payloads first).
import type { JobContext } from "../runtime/job-context";
import type { JobHandlers } from "../runtime/run-job";
import { handleGradeCompute } from "./grade-compute";
import { handlePackageProbe } from "./package-probe";
import { handleProbeRun } from "./probe-run";
import { handleRollupRebuild } from "./rollup-rebuild";

export const handlers: JobHandlers<JobContext> = {
  "probe.run": handleProbeRun,
  "package.probe": handlePackageProbe,
  "grade.compute": handleGradeCompute,
  "rollup.rebuild": handleRollupRebuild,
};
