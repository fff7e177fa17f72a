// On-demand re-probe, for the dashboard API and the CLI: authorised by token scope, limited to one probe per
// service per minute and 60 requests per token per hour, audited whatever the answer. The minute slot is part
// of the run's idempotency key, so concurrent requests in one slot still make one probe.
import { scopeAllows, type RunPath } from "@kensa/core";
import { countAudit, getService, recordAudit, type Database, type VerifiedToken } from "@kensa/db";
import type { JobQueue } from "./jobs/job-queue";
import { probeJobId, runIdempotencyKey } from "./jobs/keys";

export const reprobeSlotMs = 60_000;
export const reprobesPerTokenPerHour = 60;

export type ReprobeDecision =
  | { status: "accepted"; serviceId: string; path: RunPath; requestId: string; idempotencyKey: string }
  | { status: "rate_limited"; retryAfterSec: number; reason: string }
  | { status: "forbidden"; reason: string }
  | { status: "not_found"; reason: string };

export interface ReprobeDeps {
  db: Database;
  queue: JobQueue;
  now: number;
}

export async function requestReprobe(deps: ReprobeDeps, request: { serviceId: string; path?: RunPath; token: VerifiedToken }): Promise<ReprobeDecision> {
  const { db, now } = deps;
  const path = request.path ?? "direct";
  const actor = `token:${request.token.id}`;
  const audit = (action: string, details: Record<string, unknown>) =>
    recordAudit(db, { actor, action, target: request.serviceId, details: { tokenName: request.token.name, path, ...details }, at: new Date(now) });

  if (!scopeAllows(request.token.scopes, "reprobe", request.serviceId)) {
    await audit("reprobe.denied", { reason: "scope" });
    return { status: "forbidden", reason: `this token's scopes (${request.token.scopes.join(", ") || "none"}) do not include reprobe:${request.serviceId}` };
  }
  const service = await getService(db, request.serviceId);
  if (!service || !service.active) return { status: "not_found", reason: `no tracked service "${request.serviceId}"` };

  const slot = Math.floor(now / reprobeSlotMs);
  const slotStart = new Date(slot * reprobeSlotMs);
  const [inSlot, byToken] = await Promise.all([
    countAudit(db, { action: "reprobe.requested", target: request.serviceId, since: slotStart }),
    countAudit(db, { action: "reprobe.requested", actor, since: new Date(now - 3_600_000) }),
  ]);
  if (inSlot > 0 || byToken >= reprobesPerTokenPerHour) {
    const retryAfterSec = inSlot > 0 ? Math.ceil(((slot + 1) * reprobeSlotMs - now) / 1000) : 3600;
    const reason = inSlot > 0 ? `${request.serviceId} was re-probed less than a minute ago` : `this token made ${reprobesPerTokenPerHour} re-probe requests in the last hour`;
    await audit("reprobe.rate_limited", { reason, retryAfterSec });
    return { status: "rate_limited", retryAfterSec, reason };
  }

  const payload = { serviceId: request.serviceId, path, trigger: "manual" as const, requestId: `slot-${slot}`, requestedBy: actor };
  // Enqueue first: a queue that is down must not use up the minute. The job id makes a repeat harmless.
  try {
    await deps.queue.add("probe.run", payload, { jobId: probeJobId(payload) });
  } catch (error) {
    await audit("reprobe.failed", { requestId: payload.requestId, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  await audit("reprobe.requested", { requestId: payload.requestId });
  return { status: "accepted", serviceId: request.serviceId, path, requestId: payload.requestId, idempotencyKey: runIdempotencyKey(payload) };
}
