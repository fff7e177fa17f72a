// Which scheduled slot of a UTC day runs a service's readiness checks. Checks are findings, not traffic: once a
// day per schedule is enough, and every manual re-probe (or a run without a tick) runs them. The slot is a hash
// of the service and path among the day's slots, so the fleet's checks spread over the day instead of landing
// together at 00:00 — that burst (eight protocol checks of several requests each, for every service and path)
// timed out on one machine and was graded as the vendors' failures.
//
//   interval ≥ a day        → every run checks (a run is at most once a day)
//   interval < a day        → the run whose slot of the day is the service's: floor(day / interval) candidate
//                             slots, so exactly one run a UTC day checks (also when the interval does not divide it)
import { createHash } from "node:crypto";
import type { ProbeRunPayload } from "./definitions";

const day = 86_400_000;

export type CheckSlotKey = Pick<ProbeRunPayload, "serviceId" | "path">;

/** The index of the day's slot that runs the checks for this service and path, or undefined when every run checks. */
export function readinessCheckSlot(key: CheckSlotKey, intervalMs: number): number | undefined {
  if (intervalMs >= day) return undefined;
  return slotHash(`${key.serviceId}|${key.path}`) % Math.floor(day / intervalMs);
}

/** Whether this probe.run runs the readiness checks. */
export function runsReadinessChecks(p: Pick<ProbeRunPayload, "serviceId" | "path" | "trigger" | "tick" | "intervalMs">): boolean {
  if (p.trigger === "manual" || p.tick === undefined) return true;
  const intervalMs = p.intervalMs ?? day;
  const slot = readinessCheckSlot(p, intervalMs);
  return slot === undefined || Math.floor((p.tick % day) / intervalMs) === slot;
}

/** The instant of a UTC day's check slot, for an interval that divides the day (the day's start when every run checks). */
export function readinessCheckTick(key: CheckSlotKey, dayStart: number, intervalMs: number): number {
  return dayStart + (readinessCheckSlot(key, intervalMs) ?? 0) * intervalMs;
}

/** The first 32 bits of SHA-256: stable across processes and versions (a slot must not move when Node does). */
function slotHash(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}
