// One BullMQ job scheduler per (service, path), kept in sync with the catalogue: new services start,
// changed intervals update, removed services stop. upsertJobScheduler is idempotent per id.
import type { Queue } from "bullmq";
import type { RunPath } from "@kensa/core";
import { jobOptions } from "@kensa/services";

/** A probe.run path, or "package": a package.probe of the service's vendor package. */
export type ScheduledPath = RunPath | "package";

export interface ScheduledProbe {
  serviceId: string;
  path: ScheduledPath;
  intervalMs: number;
}

/** The job a schedule enqueues and its payload (without the tick, which the scheduler adds). */
export function scheduledJob(probe: ScheduledProbe) {
  return probe.path === "package"
    ? { name: "package.probe" as const, data: { serviceId: probe.serviceId, trigger: "schedule" as const, intervalMs: probe.intervalMs } }
    : { name: "probe.run" as const, data: { serviceId: probe.serviceId, path: probe.path, trigger: "schedule" as const, intervalMs: probe.intervalMs } };
}

export const schedulerId = (s: Pick<ScheduledProbe, "serviceId" | "path">) => `probe|${s.serviceId}|${s.path}`;

export interface ScheduleSyncReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

export async function syncSchedules(queue: Queue, wanted: readonly ScheduledProbe[]): Promise<ScheduleSyncReport> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const wantedIds = new Set<string>();
  const report: ScheduleSyncReport = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const probe of wanted) {
    const id = schedulerId(probe);
    wantedIds.add(id);
    const before = existing.get(id);
    if (before && Number(before.every) === probe.intervalMs) {
      report.unchanged += 1;
      continue;
    }
    (before ? report.changed : report.added).push(id);
    const job = scheduledJob(probe);
    await queue.upsertJobScheduler(id, { every: probe.intervalMs }, { name: job.name, data: job.data, opts: jobOptions(job.name) });
  }
  for (const id of existing.keys()) {
    if (id.startsWith("probe|") && !wantedIds.has(id)) {
      await queue.removeJobScheduler(id);
      report.removed.push(id);
    }
  }
  return report;
}
