// One run record from one probe execution, classified: what probe.run and package.probe both store. The run's
// id follows from its idempotency key, so a redelivered job writes nothing new.
import { classifyRun, type ProbeRunRecord, type RunPath } from "@kensa/core";
import { runIdFor } from "@kensa/services";
import type { ProbeExecution } from "../runtime/job-context";

export function classifiedRun(
  idempotencyKey: string,
  job: { serviceId: string; trigger: ProbeRunRecord["trigger"]; path: RunPath; workerId: string },
  execution: ProbeExecution,
): ProbeRunRecord {
  return classifyRun({
    id: runIdFor(idempotencyKey),
    idempotencyKey,
    serviceId: job.serviceId,
    trigger: job.trigger,
    source: execution.source,
    path: job.path,
    workerId: job.workerId,
    startedAt: execution.startedAt,
    finishedAt: execution.finishedAt,
    ...(execution.traceId ? { traceId: execution.traceId } : {}),
    summary: execution.summary,
    steps: execution.steps,
  });
}
