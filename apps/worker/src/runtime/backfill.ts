// First-run history for the sandbox: sweeps at past instants under the controllable clock (the fleet's tokens
// expire, its draws advance), stored exactly like scheduled runs, graded once per simulated day. Weeks of
// history take minutes; the run keys make an interrupted backfill resumable.
import type { RunPath } from "@kensa/core";
import { alignTick, probeJobId, runsReadinessChecks } from "@kensa/services";
import type { ScheduledProbe } from "./bullmq-schedules";
import { InProcessRunner } from "./in-process-runner";
import type { KensaRuntime } from "./open-runtime";

export interface BackfillOptions {
  days: number;
  sweepsPerDay: number;
  /** Gateway paths are swept every n-th sweep (default: every sweep, see defaultGatewayEvery). */
  gatewayEvery?: number;
  concurrency: number;
  /** At most this many of a sweep's probes that run the readiness checks at once (default: defaultCheckConcurrency). */
  checkConcurrency?: number;
  /** Aborting stops after the current sweep; what is stored stays (the next start resumes nothing: history is a one-off). */
  signal?: AbortSignal;
  onProgress?: (progress: { sweep: number; sweeps: number; runs: number; day: string }) => void;
}

export interface BackfillReport {
  sweeps: number;
  runs: number;
  grades: number;
  failures: number;
  from: string;
  to: string;
}

const day = 86_400_000;

/** Every sweep probes the gateway path too: at 2 sweeps a day, a quarter of them left a gateway-sensitive service
 * 7 gateway runs in a fortnight — too few to see what intermediaries do to it (Slack's mangled blocks). */
export const defaultGatewayEvery = 1;

/** A check-running probe sends several times a plain probe's requests; the fleet, the probes and the database share
 * one event loop, so a sweep with all of them in flight kept requests queued past the 4 s bound (timeouts graded as
 * the vendors'). Measured on the 225-service default history: see bench/default-history.ts. */
export const defaultCheckConcurrency = 32;

export async function backfillHistory(runtime: KensaRuntime, probes: readonly ScheduledProbe[], options: BackfillOptions): Promise<BackfillReport> {
  const realNow = Date.now();
  const end = alignTick(realNow, day);
  const start = end - options.days * day;
  const step = day / options.sweepsPerDay;
  const sweeps = options.days * options.sweepsPerDay;
  const gatewayEvery = options.gatewayEvery ?? defaultGatewayEvery;
  const serviceIds = [...new Set(probes.map((p) => p.serviceId))];
  let failures = 0;
  let runs = 0;
  let grades = 0;
  const execute = runtime.execute as (name: string, payload: unknown) => Promise<unknown>;
  const onFailure = (f: { final: boolean }) => { if (f.final) failures += 1; };
  const runner = new InProcessRunner(execute, { concurrency: options.concurrency, onFailure });
  const checkRunner = new InProcessRunner(execute, { concurrency: Math.min(options.concurrency, options.checkConcurrency ?? defaultCheckConcurrency), onFailure });
  try {
    // The history starts with the fleet's hand-renewed tokens freshly issued, so they expire inside it (freee's
    // 24-hour token); left anchored at the fleet's real start they would outlive every past sweep.
    runtime.sandbox?.reissueCredentialsAt(start);
    for (let i = 0; i < sweeps && !options.signal?.aborted; i++) {
      const tick = start + i * step;
      runtime.clock.set(tick);
      for (const probe of probes) {
        if (probe.path === "gateway" && i % gatewayEvery !== 0) continue;
        const payload = { serviceId: probe.serviceId, path: probe.path as RunPath, trigger: "backfill" as const, tick, intervalMs: step };
        await (runsReadinessChecks(payload) ? checkRunner : runner).add("probe.run", payload, { jobId: probeJobId(payload) });
        runs += 1;
      }
      await Promise.all([runner.idle(), checkRunner.idle()]);
      const endOfDay = (i + 1) % options.sweepsPerDay === 0;
      if (endOfDay) {
        const asOf = tick + step - 1;
        runtime.clock.set(asOf);
        for (const serviceId of serviceIds) await runner.add("grade.compute", { serviceId, reason: "backfill", asOf });
        await runner.idle();
        grades += serviceIds.length;
      }
      options.onProgress?.({ sweep: i + 1, sweeps, runs, day: new Date(tick).toISOString().slice(0, 10) });
    }
  } finally {
    await Promise.all([runner.close(), checkRunner.close()]);
    runtime.clock.set(Date.now());
  }
  return { sweeps, runs, grades, failures, from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}
