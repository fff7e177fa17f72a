// Test support: probe a sandbox service with the real engine and classify the run, as a worker would.
import { randomUUID } from "node:crypto";
import { classifyRun, type CatalogueEntry, type ProbeRunRecord } from "@kensa/core";
import { runProbe } from "@kensa/probe";
import type { ControllableClock } from "../clock/controllable-clock";
import type { Sandbox } from "../fleet/start-sandbox";
import type { PathName } from "../fleet/service-runtime";

export interface ProbeSandboxOptions {
  rounds?: number;
  checks?: boolean;
  clock: ControllableClock;
  requestTimeoutMs?: number;
}

export async function probeSandbox(sandbox: Sandbox, entry: CatalogueEntry, path: PathName, options: ProbeSandboxOptions): Promise<ProbeRunRecord> {
  const target = sandbox.targetFor(entry.id, path);
  const result = await runProbe({
    target: { kind: "http", url: target.url },
    credential: target.credential,
    secrets: sandbox.secrets,
    calls: entry.calls,
    rounds: options.rounds ?? 1,
    checks: options.checks ? "all" : "none",
    addressPolicy: { allowPrivate: false, allowHosts: [new URL(sandbox.baseUrl).hostname] },
    clock: options.clock,
    path,
    limits: { requestTimeoutMs: options.requestTimeoutMs ?? 1_000 },
    ...(target.serverJsonUrl ? { registry: { serverJsonUrl: target.serverJsonUrl } } : {}),
  });
  const record: ProbeRunRecord = { id: randomUUID(), idempotencyKey: randomUUID(), serviceId: entry.id, trigger: "schedule", source: "sandbox", ...result };
  return classifyRun(record);
}

/** tools/call steps by classified error class ("ok" for successes). */
export function callTally(runs: readonly ProbeRunRecord[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const run of runs) {
    for (const step of run.steps) {
      if (step.kind !== "call") continue;
      const key = step.outcome.kind === "ok" ? "ok" : (step.classification?.errorClass ?? `unclassified:${step.outcome.kind}`);
      tally[key] = (tally[key] ?? 0) + 1;
    }
  }
  return tally;
}

/** |observed - expected| within z standard deviations of a binomial, with a little slack for rare classes. */
export function withinBinomial(observed: number, n: number, p: number, z = 4.5): boolean {
  return Math.abs(observed - n * p) <= z * Math.sqrt(n * p * (1 - p)) + 1.5;
}
