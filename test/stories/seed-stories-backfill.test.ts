// The seed's two stories in the history `kensa start` builds: the real backfill (its default days, sweeps and
// gateway cadence), the worker's probe.run and grade.compute handlers, classification, rollups and grading, into
// a real PGlite database — for freee and Slack only, under the default sandbox seed and two others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, type Catalogue } from "@kensa/catalogue";
import { parseEnv } from "@kensa/core";
import { latestGrade, readGradeInputs, stepsWithRun, type Database } from "@kensa/db";
import { readinessCheckSlot } from "@kensa/services";
import { openTestPgliteDatabase } from "@kensa/testkit";
import { BackfillEnv, backfillHistory, openRuntime, parseWorkerEnv, sandboxTargets, scheduledProbes, syncCatalogue, WorkerEnv } from "@kensa/worker";

const storyIds = ["freee", "slack"];
const defaultSeed = WorkerEnv.shape.KENSA_SANDBOX_SEED.parse(undefined);
const seeds = [defaultSeed, 1, 2];
const day = 86_400_000;
const history = parseEnv(BackfillEnv, {});
const slotMs = day / history.KENSA_BACKFILL_SWEEPS_PER_DAY;

async function storyCatalogue(): Promise<Catalogue> {
  const full = await loadCatalogue();
  const entries = full.entries.filter((e) => storyIds.includes(e.id));
  return { ...full, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

describe.each(seeds)("the default sandbox history (seed %i) tells the seed's stories", (seed) => {
  let db: Database;
  const latest = async (serviceId: string) => {
    const stored = await latestGrade(db, serviceId);
    if (!stored) throw new Error(`no grade stored for ${serviceId}`);
    return { report: stored.report, inputs: await readGradeInputs(db, stored.id) };
  };
  const stepsOn = async (serviceId: string, path: "direct" | "gateway") =>
    (await stepsWithRun(db, { serviceIds: [serviceId] })).filter((s) => s.run.path === path && s.kind !== "check");
  const failedSteps = async (serviceId: string, path: "direct" | "gateway") => (await stepsOn(serviceId, path)).filter((s) => !s.ok);

  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    const catalogue = await storyCatalogue();
    const env = parseWorkerEnv({ KENSA_SANDBOX_SEED: String(seed), KENSA_WORKER_ID: `stories-${process.pid}` });
    // Latency 0: the outcomes are the same draws; the test only skips the waiting.
    const runtime = await openRuntime({ env, log: () => {}, database: db, catalogue, sandboxLatencyScale: 0 });
    try {
      await syncCatalogue(runtime.db, catalogue, "test");
      const report = await backfillHistory(runtime, scheduledProbes(catalogue.entries, runtime.targets), {
        days: history.KENSA_BACKFILL_DAYS, sweepsPerDay: history.KENSA_BACKFILL_SWEEPS_PER_DAY, concurrency: 16,
      });
      expect(report.failures).toBe(0);
    } finally {
      await runtime.close();
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  it("freee: its 24-hour token expires inside the history — auth_expired on the direct path, decided by the token's expiry — and it grades AA", async () => {
    const grade = await latest("freee");
    const direct = (grade.inputs as { traffic: { direct: { calls: number; errorCounts: Record<string, number> } } }).traffic.direct;
    const expired = direct.errorCounts["auth_expired"] ?? 0;
    expect(expired).toBeGreaterThan(0);
    expect(expired / direct.calls).toBeLessThan(0.05); // the seed: 4 of 212
    const steps = (await failedSteps("freee", "direct")).filter((s) => s.errorClass === "auth_expired");
    expect(steps).toHaveLength(expired);
    expect(steps.every((s) => s.confidence === "code")).toBe(true);
    expect(grade.report.grade).toBe("AA");
    expect(grade.report.caps.map((c) => c.id)).toContain("cap.tokens_expire_mid_run");
  });

  it("Slack: structured blocks fail as invalid_input behind the gateway, blamed on the intermediary, and it grades AAA", async () => {
    const grade = await latest("slack");
    const gateway = await failedSteps("slack", "gateway");
    const invalid = gateway.filter((s) => s.errorClass === "invalid_input");
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.every((s) => s.fault === "intermediary")).toBe(true);
    const directInvalid = (await failedSteps("slack", "direct")).filter((s) => s.errorClass === "invalid_input");
    expect(directInvalid.length).toBeLessThan(invalid.length);
    // The seed's ~91%: Slack's tools/call success through the gateway.
    const calls = (await stepsOn("slack", "gateway")).filter((s) => s.kind === "call").length;
    const failedCalls = gateway.filter((s) => s.kind === "call").length;
    expect(1 - failedCalls / calls).toBeGreaterThan(0.84);
    expect(1 - failedCalls / calls).toBeLessThan(0.97);
    const facts = grade.report.axes.reliability.facts as { vendorFailures: number; intermediaryFailures: number };
    expect(facts.intermediaryFailures).toBeGreaterThanOrEqual(invalid.length);
    expect(grade.report.grade).toBe("AAA");
  });

  it("readiness checks ran once a simulated day per service and path, in the slot the schedule rule gives it", async () => {
    for (const serviceId of storyIds) {
      for (const path of ["direct", "gateway"] as const) {
        const checks = (await stepsWithRun(db, { serviceIds: [serviceId] })).filter((s) => s.run.path === path && s.kind === "check");
        const runStarts = new Map<string, number>();
        for (const s of checks) runStarts.set(s.runId, Math.min(runStarts.get(s.runId) ?? Infinity, s.startedAt.getTime()));
        const starts = [...runStarts.values()];
        expect(new Set(starts.map((t) => Math.floor(t / day))).size).toBe(history.KENSA_BACKFILL_DAYS);
        expect(starts).toHaveLength(history.KENSA_BACKFILL_DAYS);
        expect(new Set(starts.map((t) => Math.floor((t % day) / slotMs)))).toEqual(new Set([readinessCheckSlot({ serviceId, path }, slotMs)]));
      }
    }
  });
});

// Every service checked in one slot of the day was a burst one machine could not serve in the 4 s bound: the
// whole catalogue's timeouts were graded as the vendors' own failures.
it("the default history spreads the whole catalogue's readiness checks over each day's sweeps", async () => {
  const probes = scheduledProbes((await loadCatalogue()).entries, sandboxTargets(undefined));
  const perSlot = new Map<number, number>();
  for (const probe of probes) {
    const slot = readinessCheckSlot({ serviceId: probe.serviceId, path: probe.path as "direct" | "gateway" }, slotMs)!;
    perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
  }
  expect(perSlot.size).toBe(history.KENSA_BACKFILL_SWEEPS_PER_DAY);
  expect(Math.max(...perSlot.values()) / probes.length).toBeLessThan(0.6);
});
