// Deterministic identities: the same scheduled run always has the same key and the same run id,
// so a retried, duplicated or re-scheduled job can only ever write once.
import { createHash } from "node:crypto";
import type { PackageProbePayload, ProbeRunPayload } from "./definitions";

export function runIdempotencyKey(p: Pick<ProbeRunPayload, "serviceId" | "path" | "tick" | "requestId" | "trigger">): string {
  if (p.requestId !== undefined) return `${p.serviceId}:${p.path}:${p.trigger}:${p.requestId}`;
  return `${p.serviceId}:${p.path}:tick:${new Date(p.tick!).toISOString()}`;
}

/** A package run's key: "package" stands where a path does (paths are direct and gateway), so it never meets a probe.run key. */
export function packageRunIdempotencyKey(p: Pick<PackageProbePayload, "serviceId" | "tick" | "requestId" | "trigger">): string {
  if (p.requestId !== undefined) return `${p.serviceId}:package:${p.trigger}:${p.requestId}`;
  return `${p.serviceId}:package:tick:${new Date(p.tick!).toISOString()}`;
}

export function packageJobId(p: PackageProbePayload): string {
  return `package.probe:${packageRunIdempotencyKey(p)}`.replace(/:/g, "|");
}

/** A UUID (version-8 layout) derived from the idempotency key. */
export function runIdFor(idempotencyKey: string): string {
  const h = createHash("sha256").update(idempotencyKey).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Queue-level job id: BullMQ drops an add whose id is already known, a first line of defence before the database. */
export function probeJobId(p: ProbeRunPayload): string {
  return `probe.run:${runIdempotencyKey(p)}`.replace(/:/g, "|");
}

/** Scheduled ticks are aligned to multiples of the interval since the epoch, whoever computes them. */
export function alignTick(now: number, intervalMs: number): number {
  return Math.floor(now / intervalMs) * intervalMs;
}
