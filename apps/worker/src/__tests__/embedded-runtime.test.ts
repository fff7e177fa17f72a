import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GradeEvidence, gradeService } from "@kensa/core";
import { computeRollupsFromSteps, countRuns, gradeHistory, latestRunWithSteps, readGradeInputs, readRollups, type Database } from "@kensa/db";
import { openTestPgliteDatabase } from "@kensa/testkit";
import { probeJobId, readinessCheckTick, runIdempotencyKey } from "@kensa/services";
import type { KensaRuntime } from "../runtime/open-runtime";
import { openTestRuntime, storyServices } from "./support/runtime";

const tick = Date.UTC(2026, 10, 20, 0, 0, 0);

describe("embedded runtime (PGlite, in-process runner, sandbox fleet)", () => {
  let db: Database;
  let runtime: KensaRuntime;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    runtime = await openTestRuntime({ database: db });
    runtime.clock.set(tick);
  });
  afterAll(async () => {
    await runtime?.close();
    await db?.close();
  });

  it("a scheduled probe.run stores one classified run with steps and checks; a second delivery is a no-op", async () => {
    // freee's readiness-check slot of the day before (the sweep below is the next day's 01:00).
    const checkTick = readinessCheckTick({ serviceId: "freee", path: "direct" }, tick - 86_400_000, 900_000);
    runtime.clock.set(checkTick);
    const payload = { serviceId: "freee", path: "direct" as const, trigger: "schedule" as const, tick: checkTick, intervalMs: 900_000 };
    const first = await runtime.execute("probe.run", payload);
    expect(first).toMatchObject({ status: "recorded" });
    expect(await runtime.execute("probe.run", payload)).toEqual({ status: "duplicate", idempotencyKey: runIdempotencyKey(payload) });
    const run = (await latestRunWithSteps(db, { idempotencyKeys: [runIdempotencyKey(payload)] }))!;
    expect(run.source).toBe("sandbox");
    expect(run.workerId).toMatch(/^test-/);
    const names = run.steps.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["initialize", "tools/list", "tools/call:list_deals"]));
    expect(names.filter((n) => n.startsWith("check:")).length).toBeGreaterThanOrEqual(5); // the service's check slot runs the readiness checks
    expect(run.steps.filter((s) => !s.ok && s.kind !== "check").every((s) => s.errorClass && s.fault && s.confidence)).toBe(true);
  });

  it("a sweep through the runner stores every service once, rollups equal a recomputation from raw steps", async () => {
    const sweepTick = tick + 3_600_000;
    runtime.clock.set(sweepTick);
    for (const serviceId of storyServices) {
      for (const path of ["direct", "gateway"] as const) {
        const payload = { serviceId, path, trigger: "schedule" as const, tick: sweepTick, intervalMs: 900_000 };
        await runtime.queue.add("probe.run", payload, { jobId: probeJobId(payload) });
        await runtime.queue.add("probe.run", payload, { jobId: probeJobId(payload) }); // delivered twice
      }
    }
    await runtime.runner!.idle();
    const count = await countRuns(db, { startedSince: new Date(sweepTick) });
    expect(count).toBe(storyServices.length * 2);
    const range = { from: "2026-11-20", to: "2026-11-20" };
    expect(await readRollups(db, range)).toEqual(await computeRollupsFromSteps(db, range));
  });

  it("the sweep re-graded each service, and each stored grade is recomputable from its stored evidence", async () => {
    const snapshots = (await Promise.all(storyServices.map((id) => gradeHistory(db, id)))).flat();
    expect(new Set(snapshots.map((s) => s.serviceId))).toEqual(new Set(storyServices));
    for (const snapshot of snapshots) {
      const report = gradeService(GradeEvidence.parse(await readGradeInputs(db, snapshot.id)));
      const stored = snapshot.report;
      expect({ grade: report.grade, score: report.score, scoreBeforeCaps: report.scoreBeforeCaps, axes: report.axes, caps: report.caps })
        .toEqual({ grade: stored.grade, score: stored.score, scoreBeforeCaps: stored.scoreBeforeCaps, axes: stored.axes, caps: stored.caps });
      expect(snapshot.source).toBe("sandbox");
    }
  });

  it("an unknown service or a malformed payload is unrecoverable and names what was wrong", async () => {
    await expect(runtime.execute("probe.run", { serviceId: "no-such-service", path: "direct", trigger: "manual", requestId: "r1" })).rejects.toThrow(/"no-such-service" is not in the catalogue/);
    await expect(runtime.execute("probe.run", { serviceId: "freee", path: "sideways", trigger: "schedule", tick: 1 })).rejects.toThrow(/invalid probe.run payload: path/);
    await expect(runtime.execute("grade.compute", { serviceId: "ghost", reason: "manual" })).rejects.toThrow(/unknown service "ghost"/);
  });
});
