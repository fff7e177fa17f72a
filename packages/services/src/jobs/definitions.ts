// The job catalogue: every job Kensa runs, with its payload schema, retry policy and time bound, in one place.
// A target's failure is a recorded result, not a job failure: only our own failures (database down, a bug)
// throw and are retried. A payload that fails its schema is unrecoverable and audited.
import { z } from "zod";
import { RunPath } from "@kensa/core";

export const ProbeRunPayload = z.object({
  serviceId: z.string().min(1),
  path: RunPath.default("direct"),
  trigger: z.enum(["schedule", "manual", "backfill"]),
  /** The scheduled instant (epoch ms) this run stands for; it makes the run's idempotency key. */
  tick: z.number().int().nonnegative().optional(),
  /** The schedule's interval: scheduled ticks are aligned to it, so one slot is probed once however schedulers churn. */
  intervalMs: z.number().int().positive().optional(),
  /** For manual re-probes: the request's id (the idempotency key's last part) and who asked. */
  requestId: z.string().min(1).optional(),
  requestedBy: z.string().min(1).optional(),
}).refine((p) => p.tick !== undefined || p.requestId !== undefined, { message: "a probe.run needs a tick or a requestId" });
export type ProbeRunPayload = z.infer<typeof ProbeRunPayload>;

/**
 * package.probe: run the vendor's own pinned npm package (catalogue `servers`) isolated over stdio, beside the
 * sandbox or live probes. Its runs are stored with source `package`: findings, never rolled up or graded.
 */
export const PackageProbePayload = z.object({
  serviceId: z.string().min(1),
  trigger: z.enum(["schedule", "manual"]),
  tick: z.number().int().nonnegative().optional(),
  intervalMs: z.number().int().positive().optional(),
  requestId: z.string().min(1).optional(),
}).refine((p) => p.tick !== undefined || p.requestId !== undefined, { message: "a package.probe needs a tick or a requestId" });
export type PackageProbePayload = z.infer<typeof PackageProbePayload>;

export const GradeComputePayload = z.object({
  serviceId: z.string().min(1),
  reason: z.enum(["new-evidence", "methodology-change", "catalogue-change", "manual", "backfill"]),
  /** Grade as of this instant (epoch ms); defaults to the clock's now. Backfill grades each past day. */
  asOf: z.number().int().nonnegative().optional(),
});
export type GradeComputePayload = z.infer<typeof GradeComputePayload>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
export const RollupRebuildPayload = z.object({ from: Day, to: Day, serviceIds: z.array(z.string().min(1)).optional() });
export type RollupRebuildPayload = z.infer<typeof RollupRebuildPayload>;

export interface JobDefinition<P extends z.ZodType> {
  payload: P;
  /** Attempts in all, for our own failures. */
  attempts: number;
  backoff: { type: "exponential" | "fixed"; delayMs: number };
  timeoutMs: number;
}

export const jobDefinitions = {
  "probe.run": { payload: ProbeRunPayload, attempts: 6, backoff: { type: "exponential", delayMs: 2_000 }, timeoutMs: 180_000 },
  // A package probe waits for one of the worker's few package slots, then runs up to its 150 s deadline.
  "package.probe": { payload: PackageProbePayload, attempts: 3, backoff: { type: "exponential", delayMs: 5_000 }, timeoutMs: 900_000 },
  "grade.compute": { payload: GradeComputePayload, attempts: 6, backoff: { type: "exponential", delayMs: 2_000 }, timeoutMs: 60_000 },
  "rollup.rebuild": { payload: RollupRebuildPayload, attempts: 3, backoff: { type: "exponential", delayMs: 5_000 }, timeoutMs: 600_000 },
} as const satisfies Record<string, JobDefinition<z.ZodType>>;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;
export const jobNames = Object.keys(jobDefinitions) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobDefinitions, name);
}

/** Delay before attempt `attempt` (1-based count of failures so far), the same in both runners. */
export function backoffDelay(name: JobName, failures: number): number {
  const { backoff }: JobDefinition<z.ZodType> = jobDefinitions[name];
  return backoff.type === "fixed" ? backoff.delayMs : backoff.delayMs * 2 ** Math.max(0, failures - 1);
}
