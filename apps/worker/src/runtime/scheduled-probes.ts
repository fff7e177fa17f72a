// What gets scheduled: every catalogued service on every path its target resolver offers, at the
// catalogue's interval (times the path's factor).
import type { CatalogueEntry } from "@kensa/core";
import type { ScheduledProbe } from "./bullmq-schedules";
import type { TargetResolver } from "./service-prober";

export function scheduledProbes(entries: readonly CatalogueEntry[], targets: TargetResolver): ScheduledProbe[] {
  return entries.flatMap((entry) =>
    targets.paths(entry).map(({ path, intervalFactor }) => ({ serviceId: entry.id, path, intervalMs: entry.intervalSec * 1000 * intervalFactor })));
}

/** A pinned package does not change between runs: once an hour at most is plenty (four catalogue intervals, at least an hour). */
const packageIntervalFactor = 4;

/** One package.probe schedule per service whose vendor package is installed. */
export function packageSchedules(entries: readonly CatalogueEntry[], installed: ReadonlySet<string>): ScheduledProbe[] {
  return entries
    .filter((entry) => installed.has(entry.id))
    .map((entry) => ({ serviceId: entry.id, path: "package" as const, intervalMs: Math.max(3_600_000, entry.intervalSec * 1000 * packageIntervalFactor) }));
}
