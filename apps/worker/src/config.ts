// The worker roles' environment, parsed once at start (kensa worker / scheduler / start).
import { hostname } from "node:os";
import { z } from "zod";
import { parseEnv, queueEnvShape } from "@kensa/core";
import { databaseEnvShape } from "@kensa/db";
import { workerSecretEnvPrefix } from "@kensa/probe";

const commaList = z.string().transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean));

export const WorkerEnv = z.object({
  ...databaseEnvShape,
  ...queueEnvShape,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  KENSA_WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Private hosts probes may reach (the sandbox's loopback is added by kensa start itself). */
  KENSA_ALLOW_HOSTS: commaList.default([]),
  /** A 0600 file of probe credentials (JSON or NAME=value lines), consulted before the environment. */
  KENSA_SECRETS_FILE: z.string().min(1).optional(),
  /** Where probes go: the sandbox fleet (simulated) or the catalogue's live endpoints. */
  KENSA_TARGETS: z.enum(["sandbox", "live"]).default("sandbox"),
  KENSA_SANDBOX_SEED: z.coerce.number().int().default(20260424),
  /** Multiplies the sandbox's simulated latency (0: none, for benchmarks and quick demos). */
  KENSA_SANDBOX_LATENCY_SCALE: z.coerce.number().min(0).max(100).default(1),
  /** How long a simulated hang lasts before the sandbox answers after all. */
  KENSA_SANDBOX_HANG_MS: z.coerce.number().int().min(0).default(30_000),
  /** Per-request probe timeout; unset: 15 s for live targets, 4 s for the loopback sandbox (its hangs are simulated). */
  KENSA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
  /** Vendor packages (catalogue `servers`) installed into the data folder and probed over stdio beside the sandbox or live targets. */
  KENSA_PACKAGES: z.enum(["on", "off"]).default("on"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where kensa start serves the dashboard; localhost unless opened on purpose (0.0.0.0). */
  KENSA_HOST: z.string().min(1).default("localhost"),
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** The worker roles' settings; a command-line option given stands in for its variable (kensa worker --concurrency). */
export function parseWorkerEnv(env: Record<string, string | undefined> = process.env, options: Record<string, string | undefined> = {}): WorkerEnv {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return parseEnv(WorkerEnv, { ...env, ...given });
}

/**
 * Live probes' credentials: only the KENSA_SECRET_ namespace of the environment, read here once at start
 * (runtime/secret-source.ts looks catalogue names up in it), so no other variable can reach a target.
 */
export function probeCredentialEnv(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith(workerSecretEnvPrefix)));
}

/** First-start history for the sandbox (kensa start): how far back, and how many sweeps a simulated day. */
export const BackfillEnv = z.object({
  // A sweep costs its slowest run (the sandbox's simulated latency, ~7 s at p95): 28 sweeps ≈ 3–4 minutes.
  KENSA_BACKFILL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  KENSA_BACKFILL_SWEEPS_PER_DAY: z.coerce.number().int().min(1).max(96).default(2),
});
export type BackfillEnv = z.infer<typeof BackfillEnv>;

export function parseBackfillEnv(env: Record<string, string | undefined> = process.env): BackfillEnv {
  return parseEnv(BackfillEnv, env);
}

/**
 * npm's environment for installing vendor packages: the caller's, without the npm_* variables an enclosing
 * `npm start` sets (npm_config_prefix and friends would point the install at the project's own folder).
 * Only npm sees it: the packages themselves run in an empty environment (probe stdio isolation).
 */
export function installerEnv(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}
