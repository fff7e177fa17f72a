// What gets scheduled: every catalogued service on every path its target resolver offers, at the
// catalogue's interval (times the path's factor).
import type { CatalogueEntry } from "@kensa/core";
import type { ScheduledProbe } from "./bullmq-schedules";
import type { TargetResolver } from "./service-prober";

export function scheduledProbes(entries: readonly CatalogueEntry[], targets: TargetResolver): ScheduledProbe[] {
  return entries.flatMap((entry) =>
    targets.paths(entry).map(({ path, intervalFactor }) => ({ serviceId: entry.id, path, intervalMs: entry.intervalSec * 1000 * intervalFactor })));
}
