// A sweep of the story services on both paths, and the audit that ends every fault-injection test: each
// scheduled run stored exactly once, its steps all there, and the daily rollups counting each run once.
import { countRuns, countRunsByKey, countSteps, runStepTallies, sumRollups, type Database } from "@kensa/db";
import { type JobQueue, probeJobId, runIdempotencyKey } from "@kensa/services";
import { storyServices } from "./runtime";

export interface Sweep {
  tick: number;
  keys: string[];
}

export async function enqueueSweep(queue: JobQueue, tick: number, services: readonly string[] = storyServices): Promise<Sweep> {
  const keys: string[] = [];
  for (const serviceId of services) {
    for (const path of ["direct", "gateway"] as const) {
      const payload = { serviceId, path, trigger: "schedule" as const, tick, intervalMs: 900_000 };
      keys.push(runIdempotencyKey(payload));
      await queue.add("probe.run", payload, { jobId: probeJobId(payload) });
    }
  }
  return { tick, keys };
}

export async function storedCount(db: Database, sweep: Sweep): Promise<number> {
  return countRuns(db, { idempotencyKeys: sweep.keys });
}

export interface SweepAudit {
  missing: string[];
  doubled: string[];
  /** Runs whose stored steps differ from their step count. */
  incompleteRuns: number;
  /** Runs counted by the daily rollups of the sweep's services, and traffic steps there vs stored. */
  rollupRuns: number;
  rollupCalls: number;
  trafficSteps: number;
}

export async function auditSweep(db: Database, sweep: Sweep): Promise<SweepAudit> {
  const counts = await countRunsByKey(db, { idempotencyKeys: sweep.keys });
  const runs = await runStepTallies(db, { idempotencyKeys: sweep.keys });
  const services = [...new Set(runs.map((r) => r.serviceId))];
  const rollups = await sumRollups(db, services);
  const trafficSteps = await countSteps(db, { run: { idempotencyKeys: sweep.keys }, traffic: true });
  return {
    missing: sweep.keys.filter((k) => !counts.has(k)),
    doubled: sweep.keys.filter((k) => (counts.get(k) ?? 0) > 1),
    incompleteRuns: runs.filter((r) => r.storedSteps !== r.stepCount).length,
    rollupRuns: rollups.runs,
    rollupCalls: rollups.calls,
    trafficSteps,
  };
}

/** What a clean audit of `sweep` looks like (for toEqual). */
export function cleanAudit(sweep: Sweep, trafficSteps: number): SweepAudit {
  return { missing: [], doubled: [], incompleteRuns: 0, rollupRuns: sweep.keys.length, rollupCalls: trafficSteps, trafficSteps };
}
