// Reading probe steps back by run: counts and outcomes, for the audits of sweeps and the runner comparisons.
import type { Prisma } from "../client";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { runWhere, type RunFilter } from "./runs";

/** Which steps to count; every field given must hold. */
export interface StepFilter {
  run?: RunFilter;
  serviceIds?: readonly string[];
  names?: readonly string[];
  ok?: boolean;
  /** Traffic as core's isTrafficStep defines it: MCP requests, and connections that could not be opened. */
  traffic?: true;
}

function stepWhere(filter: StepFilter): Prisma.ProbeStepWhereInput {
  return {
    ...(filter.run ? { run: runWhere(filter.run) } : {}),
    ...(filter.serviceIds ? { serviceId: { in: [...filter.serviceIds] } } : {}),
    ...(filter.names ? { name: { in: [...filter.names] } } : {}),
    ...(filter.ok !== undefined ? { ok: filter.ok } : {}),
    ...(filter.traffic ? { OR: [{ kind: { in: ["protocol", "call"] } }, { kind: "transport", ok: false }] } : {}),
  };
}

export function countSteps(db: Database, filter: StepFilter = {}): Promise<number> {
  return prismaOf(db).probeStep.count({ where: stepWhere(filter) });
}

/** The steps of the matching runs, each with its run's service and path. */
export function stepsWithRun(db: Database, run: RunFilter) {
  return prismaOf(db).probeStep.findMany({ where: { run: runWhere(run) }, include: { run: { select: { serviceId: true, path: true } } } });
}
