import { aggregateRun } from "@kensa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseBackends, syntheticRun, syntheticService } from "@kensa/testkit";
import type { Database } from "../open-database";
import { computeRollupsFromSteps, readRollups, rebuildRollups } from "../queries/rollups";
import { recordRuns } from "../queries/record-runs";
import { syncServices } from "../queries/services";
import { prismaOf } from "../prisma-of";

describe.each(databaseBackends)("recording runs on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    await syncServices(db, ["alpha", "beta"].map(syntheticService));
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!backend.available)("stores a run with its steps once, however often it is recorded", async () => {
    const run = syntheticRun({ serviceId: "alpha", startedAt: new Date("2026-10-01T10:00:00Z"), seed: 1, failureRate: 0.5 });
    const first = await recordRuns(db, [run]);
    expect(first).toEqual({ inserted: [run.id], duplicates: [], steps: run.steps.length });
    const again = await recordRuns(db, [{ ...run, id: "00000000-0000-4000-8000-000000000001" }]);
    expect(again).toEqual({ inserted: [], duplicates: [run.idempotencyKey], steps: 0 });
    expect(await prismaOf(db).probeRun.count({ where: { idempotencyKey: run.idempotencyKey } })).toBe(1);
    const rollup = await readRollups(db, { from: "2026-10-01", to: "2026-10-01", serviceIds: ["alpha"] });
    expect(rollup).toHaveLength(1);
    expect(rollup[0]!.runs).toBe(1);
    expect(rollup[0]!.calls).toBe(run.steps.length);
  });

  it.skipIf(!backend.available)("stores failed steps with their class, fault, status and evidence", async () => {
    const run = syntheticRun({ serviceId: "beta", startedAt: new Date("2026-10-02T00:00:00Z"), seed: 7, failureRate: 1, failureClasses: ["auth_expired"] });
    await recordRuns(db, [run]);
    const steps = await prismaOf(db).probeStep.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    expect(steps).toHaveLength(run.steps.length);
    expect(steps.every((s) => !s.ok && s.errorClass === "auth_expired" && s.fault === "vendor" && s.httpStatus === 500)).toBe(true);
    expect(steps[0]!.evidence).toMatchObject({ outcome: { kind: "http-error", status: 500 }, decidedBy: "synthetic" });
  });

  it.skipIf(!backend.available)("bulk-inserts 50,000 steps in one call, and incremental rollups equal a rebuild from raw steps", async () => {
    const runs = Array.from({ length: 5_000 }, (_, i) =>
      syntheticRun({
        serviceId: i % 2 ? "alpha" : "beta",
        startedAt: new Date(Date.UTC(2026, 8, 1 + (i % 20), i % 24, i % 60)),
        seed: 1000 + i,
        calls: 7,
        path: i % 3 ? "direct" : "gateway",
        idempotencyKey: `bulk-${i}`,
      }),
    );
    const report = await recordRuns(db, runs);
    expect(report.inserted).toHaveLength(5_000);
    expect(report.steps).toBe(50_000);
    expect(await prismaOf(db).probeStep.count({ where: { run: { idempotencyKey: { startsWith: "bulk-" } } } })).toBe(50_000);

    const range = { from: "2026-09-01", to: "2026-09-20" };
    const incremental = await readRollups(db, range);
    const recomputed = await computeRollupsFromSteps(db, range);
    expect(incremental).toHaveLength(40); // 20 days × one service each (i % 20 fixes i % 2) × 2 paths
    expect(incremental).toEqual(recomputed);
    expect(incremental.reduce((n, r) => n + r.calls, 0)).toBe(runs.reduce((n, r) => n + aggregateRun(r).calls, 0));

    // A repair rebuild leaves the same rows in place.
    await rebuildRollups(db, range);
    expect(await readRollups(db, range)).toEqual(incremental);
  });
});

describe.each(databaseBackends)("rollup integrity on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    await syncServices(db, ["gamma", "delta"].map(syntheticService));
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!backend.available)("a batch holding one key twice stores the first and reports the second as a duplicate", async () => {
    const run = syntheticRun({ serviceId: "gamma", startedAt: new Date("2026-08-01T00:00:00Z"), seed: 11, idempotencyKey: "same-key" });
    const twin = { ...syntheticRun({ serviceId: "gamma", startedAt: new Date("2026-08-01T00:00:00Z"), seed: 12, idempotencyKey: "same-key" }) };
    expect(await recordRuns(db, [run, twin])).toEqual({ inserted: [run.id], duplicates: ["same-key"], steps: run.steps.length });
  });

  it.skipIf(!backend.available)("a rebuild racing with ingest loses no run: rollups still equal a recomputation", async () => {
    const day = (i: number) => new Date(Date.UTC(2026, 7, 10, i % 24, i % 60));
    // Each round commits a run while a rebuild reads and replaces: nothing afterwards would heal a lost increment.
    for (let i = 0; i < 40; i++) {
      const run = syntheticRun({ serviceId: i % 2 ? "gamma" : "delta", startedAt: day(i), seed: 500 + i, idempotencyKey: `race-${i}` });
      await Promise.all([rebuildRollups(db, { from: "2026-08-10", to: "2026-08-10" }), new Promise((r) => setTimeout(r, i % 5)).then(() => recordRuns(db, [run]))]);
    }
    const range = { from: "2026-08-10", to: "2026-08-10" };
    const rollups = await readRollups(db, range);
    expect(rollups.reduce((n, r) => n + r.runs, 0)).toBe(40);
    expect(rollups).toEqual(await computeRollupsFromSteps(db, range));
  });
});
