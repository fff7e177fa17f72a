// First-run history for the sandbox: sweeps at past instants under the controllable clock (the fleet's tokens
// expire, its draws advance), stored exactly like scheduled runs, graded once per simulated day. Weeks of
// history take minutes; the run keys make an interrupted backfill resumable.
import type { RunPath } from "@kensa/core";
import { alignTick, probeJobId } from "@kensa/services";
import type { ScheduledProbe } from "./bullmq-schedules";
import { InProcessRunner } from "./in-process-runner";
import type { KensaRuntime } from "./open-runtime";

export interface BackfillOptions {
  days: number;
  sweepsPerDay: number;
  /** Gateway paths are swept every n-th sweep (default: every sweep, see defaultGatewayEvery). */
  gatewayEvery?: number;
  concurrency: number;
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
  const runner = new InProcessRunner(runtime.execute as (name: string, payload: unknown) => Promise<unknown>, {
    concurrency: options.concurrency,
    onFailure: (f) => { if (f.final) failures += 1; },
  });
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
        await runner.add("probe.run", payload, { jobId: probeJobId(payload) });
        runs += 1;
      }
      await runner.idle();
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
    await runner.close();
    runtime.clock.set(Date.now());
  }
  return { sweeps, runs, grades, failures, from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}
