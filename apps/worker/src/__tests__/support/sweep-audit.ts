// A sweep of the story services on both paths, and the audit that ends every fault-injection test: each
// scheduled run stored exactly once, its steps all there, and the daily rollups counting each run once.
import type { Database } from "@kensa/db";
import { probeJobId, runIdempotencyKey } from "../../jobs/keys";
import type { JobQueue } from "../../runtime/job-queue";
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
  return db.prisma.probeRun.count({ where: { idempotencyKey: { in: sweep.keys } } });
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
  const rows = await db.prisma.probeRun.groupBy({ by: ["idempotencyKey"], where: { idempotencyKey: { in: sweep.keys } }, _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.idempotencyKey, r._count._all]));
  const runs = await db.prisma.probeRun.findMany({ where: { idempotencyKey: { in: sweep.keys } }, select: { id: true, stepCount: true, serviceId: true, _count: { select: { steps: true } } } });
  const services = [...new Set(runs.map((r) => r.serviceId))];
  const rollups = await db.prisma.dailyRollup.aggregate({ where: { serviceId: { in: services } }, _sum: { runs: true, calls: true } });
  // Traffic as core's isTrafficStep defines it: MCP requests, and connections that could not be opened.
  const trafficSteps = await db.prisma.probeStep.count({
    where: { run: { idempotencyKey: { in: sweep.keys } }, OR: [{ kind: { in: ["protocol", "call"] } }, { kind: "transport", ok: false }] },
  });
  return {
    missing: sweep.keys.filter((k) => !counts.has(k)),
    doubled: sweep.keys.filter((k) => (counts.get(k) ?? 0) > 1),
    incompleteRuns: runs.filter((r) => r._count.steps !== r.stepCount).length,
    rollupRuns: rollups._sum.runs ?? 0,
    rollupCalls: rollups._sum.calls ?? 0,
    trafficSteps,
  };
}

/** What a clean audit of `sweep` looks like (for toEqual). */
export function cleanAudit(sweep: Sweep, trafficSteps: number): SweepAudit {
  return { missing: [], doubled: [], incompleteRuns: 0, rollupRuns: sweep.keys.length, rollupCalls: trafficSteps, trafficSteps };
}
