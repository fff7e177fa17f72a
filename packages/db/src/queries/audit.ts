// Our own actions, for the audit trail: who did what to which target, when, and the trace it belongs to.
import type { Prisma } from "../client";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export interface AuditInput {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  traceId?: string;
  at?: Date;
}

export async function recordAudit(db: Database, event: AuditInput): Promise<void> {
  await prismaOf(db).auditEvent.create({
    data: {
      actor: event.actor,
      action: event.action,
      target: event.target ?? null,
      details: (event.details ?? {}) as Prisma.InputJsonValue,
      traceId: event.traceId ?? null,
      ...(event.at ? { at: event.at } : {}),
    },
  });
}

export function listAudit(db: Database, filter: { target?: string; action?: string; limit?: number } = {}) {
  return prismaOf(db).auditEvent.findMany({
    where: { ...(filter.target ? { target: filter.target } : {}), ...(filter.action ? { action: filter.action } : {}) },
    orderBy: { at: "desc" },
    take: filter.limit ?? 100,
  });
}

/** Events of one action since an instant, for one target and/or actor: the re-probe rate limits count these. */
export function countAudit(db: Database, filter: { action: string; since: Date; target?: string; actor?: string }): Promise<number> {
  return prismaOf(db).auditEvent.count({
    where: {
      action: filter.action,
      at: { gte: filter.since },
      ...(filter.target !== undefined ? { target: filter.target } : {}),
      ...(filter.actor !== undefined ? { actor: filter.actor } : {}),
    },
  });
}
