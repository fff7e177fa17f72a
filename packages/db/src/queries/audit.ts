// Our own actions, for the audit trail: who did what to which target, when, and the trace it belongs to.
import type { Prisma } from "../client";
import type { DbClient } from "../client";

export interface AuditInput {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  traceId?: string;
  at?: Date;
}

export async function recordAudit(db: DbClient, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
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

export function listAudit(db: DbClient, filter: { target?: string; action?: string; limit?: number } = {}) {
  return db.auditEvent.findMany({
    where: { ...(filter.target ? { target: filter.target } : {}), ...(filter.action ? { action: filter.action } : {}) },
    orderBy: { at: "desc" },
    take: filter.limit ?? 100,
  });
}
