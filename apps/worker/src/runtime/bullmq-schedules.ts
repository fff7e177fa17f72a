// One BullMQ job scheduler per (service, path), kept in sync with the catalogue: new services start,
// changed intervals update, removed services stop. upsertJobScheduler is idempotent per id.
import type { Queue } from "bullmq";
import type { RunPath } from "@kensa/core";
import { jobOptions } from "@kensa/services";

export interface ScheduledProbe {
  serviceId: string;
  path: RunPath;
  intervalMs: number;
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
    await queue.upsertJobScheduler(id, { every: probe.intervalMs }, {
      name: "probe.run",
      data: { serviceId: probe.serviceId, path: probe.path, trigger: "schedule", intervalMs: probe.intervalMs },
      opts: jobOptions("probe.run"),
    });
  }
  for (const id of existing.keys()) {
    if (id.startsWith("probe|") && !wantedIds.has(id)) {
      await queue.removeJobScheduler(id);
      report.removed.push(id);
    }
  }
  return report;
}
