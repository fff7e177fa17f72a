// Synthetic probe runs for tests and benchmarks: deterministic under a seed, shaped like real ones.
import { errorClasses, mulberry32, type ErrorClass, type ProbeRunRecord, type ProbeStepRecord } from "@kensa/core";

/** The project's seeded PRNG (core's mulberry32), under the name the tests use. */
export const seededRandom = mulberry32;

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SyntheticRunOptions {
  serviceId: string;
  startedAt: Date;
  seed: number;
  calls?: number;
  failureRate?: number;
  failureClasses?: ErrorClass[];
  path?: "direct" | "gateway";
  source?: "live" | "sandbox";
  trigger?: ProbeRunRecord["trigger"];
  idempotencyKey?: string;
}

export function syntheticRun(options: SyntheticRunOptions): ProbeRunRecord {
  const random = seededRandom(options.seed);
  const classes = options.failureClasses ?? ["server_error", "timeout", "invalid_input"];
  const names = ["connect", "initialize", "tools/list", ...Array.from({ length: options.calls ?? 3 }, (_, i) => `tools/call:tool_${i}`)];
  let clock = options.startedAt.getTime();
  const steps: ProbeStepRecord[] = names.map((name, seq) => {
    const latencyMs = Math.round((5 + random() * 200) * 100) / 100;
    const startedAt = new Date(clock).toISOString();
    clock += Math.ceil(latencyMs);
    const kind = name === "connect" ? "transport" : name.startsWith("tools/call") ? "call" : "protocol";
    if (random() >= (options.failureRate ?? 0.1)) return { seq, name, kind, startedAt, latencyMs, outcome: { kind: "ok" } };
    const errorClass = classes[Math.floor(random() * classes.length)]!;
    return {
      seq, name, kind, startedAt, latencyMs,
      outcome: { kind: "http-error", status: 500, headers: { "content-type": "application/json" } },
      classification: {
        errorClass,
        fault: errorClasses[errorClass].defaultFault,
        confidence: "code",
        retryable: errorClasses[errorClass].retryable,
        decidedBy: "synthetic",
      },
    };
  });
  return {
    id: uuidFrom(random),
    idempotencyKey: options.idempotencyKey ?? `${options.serviceId}:${options.path ?? "direct"}:${options.startedAt.toISOString()}`,
    serviceId: options.serviceId,
    trigger: options.trigger ?? "backfill",
    source: options.source ?? "sandbox",
    path: options.path ?? "direct",
    startedAt: options.startedAt.toISOString(),
    finishedAt: new Date(clock).toISOString(),
    summary: { target: { transport: "streamable-http" }, protocolVersion: "2025-11-25" },
    steps,
  };
}

export function syntheticService(id: string) {
  return {
    id,
    nameEn: `Service ${id}`,
    nameJa: `サービス ${id}`,
    vendor: `Vendor ${id}`,
    category: "testing",
    authMethod: "oauth2",
    catalogue: { id },
    contentHash: `hash-${id}`,
  };
}
