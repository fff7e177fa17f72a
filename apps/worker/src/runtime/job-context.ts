// Everything a handler may use, passed in: no handler reaches for globals, env or a clock of its own.
import type { Tracer } from "@opentelemetry/api";
import type { Clock, ProbeRunRecord, RunPath, RunSource } from "@kensa/core";
import type { Database } from "@kensa/db";
import type { JobQueue } from "@kensa/services";

/** What probing one service produced; the handler adds the identity fields that make it a ProbeRunRecord. */
export interface ProbeExecution extends Pick<ProbeRunRecord, "startedAt" | "finishedAt" | "traceId" | "summary" | "steps"> {
  source: RunSource;
}

/** Probes one catalogued service now. Never throws for the target's failure; throws UnrecoverableJobError for an unknown service. */
export type ServiceProber = (serviceId: string, path: RunPath, probe: { withChecks: boolean }) => Promise<ProbeExecution>;

/** Runs one service's vendor package (package-prober.ts); throws UnrecoverableJobError when it has none. */
export type PackageProbeRunner = (serviceId: string) => Promise<ProbeExecution>;

export interface JobContext {
  db: Database;
  queue: JobQueue;
  clock: Clock;
  workerId: string;
  probeService: ServiceProber;
  /** Undefined where package probes are off (KENSA_PACKAGES=off). */
  probePackage?: PackageProbeRunner;
  tracer: Tracer;
  log: (event: string, fields?: Record<string, unknown>) => void;
}
