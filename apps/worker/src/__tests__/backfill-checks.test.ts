// The backfill's schedule of readiness checks, without a fleet or a database: what it hands the handlers. The
// stored history itself is pinned by test/stories (the real handlers on PGlite).
import { describe, expect, it } from "vitest";
import { ControllableClock } from "@kensa/sandbox";
import { runsReadinessChecks, type ProbeRunPayload } from "@kensa/services";
import { backfillHistory } from "../runtime/backfill";
import type { KensaRuntime } from "../runtime/open-runtime";

const day = 86_400_000;

function countingRuntime(delayMs: number) {
  const probes: ProbeRunPayload[] = [];
  let checking = 0;
  let peakChecking = 0;
  let peakAll = 0;
  let running = 0;
  const execute = async (name: string, payload: unknown) => {
    if (name !== "probe.run") return;
    const p = payload as ProbeRunPayload;
    const checks = runsReadinessChecks(p);
    running += 1;
    if (checks) checking += 1;
    peakAll = Math.max(peakAll, running);
    peakChecking = Math.max(peakChecking, checking);
    probes.push(p);
    await new Promise((r) => setTimeout(r, delayMs));
    running -= 1;
    if (checks) checking -= 1;
  };
  const runtime = { clock: new ControllableClock(), execute } as unknown as KensaRuntime;
  return { runtime, probes, peaks: () => ({ checking: peakChecking, all: peakAll }) };
}

describe("backfillHistory and the readiness checks", () => {
  const schedule = Array.from({ length: 60 }, (_, i) => (["direct", "gateway"] as const).map((path) => ({ serviceId: `svc-${i}`, path, intervalMs: 900_000 }))).flat();

  it("checks every service and path once a simulated day, spread over the day's sweeps", async () => {
    const { runtime, probes } = countingRuntime(0);
    await backfillHistory(runtime, schedule, { days: 3, sweepsPerDay: 4, concurrency: 64 });
    const checked = probes.filter(runsReadinessChecks);
    expect(checked).toHaveLength(schedule.length * 3);
    const perKeyDay = new Set(checked.map((p) => `${p.serviceId}|${p.path}|${Math.floor(p.tick! / day)}`));
    expect(perKeyDay.size).toBe(schedule.length * 3);
    const perSlot = new Map<number, number>();
    for (const p of checked) perSlot.set(p.tick! % day, (perSlot.get(p.tick! % day) ?? 0) + 1);
    expect(perSlot.size).toBe(4);
    expect(Math.max(...perSlot.values())).toBeLessThan(checked.length * 0.5);
  });

  it("runs at most checkConcurrency check-running probes at once, while the plain probes keep the sweep's concurrency", async () => {
    const { runtime, peaks } = countingRuntime(5);
    await backfillHistory(runtime, schedule, { days: 1, sweepsPerDay: 2, concurrency: 100, checkConcurrency: 4 });
    expect(peaks().checking).toBe(4);
    expect(peaks().all).toBeGreaterThan(40);
  });
});
