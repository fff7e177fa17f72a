import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateSteps, evidenceFromAggregates, gradeService, METHODOLOGY_VERSION, stagedMethodology, type StepFacts } from "@kensa/core";
import { listAudit, saveGradeSnapshot, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { regradeOnMethodologyChange } from "./regrade-on-methodology-change";
import { RecordingJobQueue } from "./testing/recording-job-queue";

const evidence = evidenceFromAggregates({
  window: { from: "2026-10-02T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" },
  aggregates: { direct: aggregateSteps(Array.from({ length: 40 }, (): StepFacts => ({ kind: "call", ok: true, latencyMs: 100 })), 1) },
  declared: {},
  authMethod: "oauth2",
});
const snapshot = (version: string, id: string) => ({
  id, serviceId: "freee", computedAt: new Date("2026-11-01T00:00:00Z"), source: "sandbox" as const, inputs: evidence,
  report: { ...gradeService(evidence), methodologyVersion: version, grade: "AA" as const, score: 82, scoreBeforeCaps: 85, provisional: false, evidenceHash: `hash-${version}` },
});

describe("re-grading on a methodology change", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, ["freee", "slack"].map(syntheticService));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("does nothing while the stored grades are this version's, with the staged version's future", async () => {
    await saveGradeSnapshot(db, snapshot(METHODOLOGY_VERSION, "00000000-0000-4000-8000-000000000001"));
    const queue = new RecordingJobQueue();
    expect(await regradeOnMethodologyChange(db, queue, ["freee", "slack"], "test")).toBeNull();
    expect(queue.added).toHaveLength(0);
  });

  it("re-grades every service once and audits the change when the grades are an older version's", async () => {
    await db.sql.query("DELETE FROM grade_snapshot");
    await saveGradeSnapshot(db, snapshot("0.9.0", "00000000-0000-4000-8000-000000000002"));
    const queue = new RecordingJobQueue();
    expect(await regradeOnMethodologyChange(db, queue, ["freee", "slack"], "test")).toEqual({ from: "0.9.0", to: METHODOLOGY_VERSION, staged: stagedMethodology?.version ?? null });
    expect(queue.added.map((a) => a.payload)).toEqual([{ serviceId: "freee", reason: "methodology-change" }, { serviceId: "slack", reason: "methodology-change" }]);
    expect(await listAudit(db, { action: "methodology.changed" })).toEqual([expect.objectContaining({ target: METHODOLOGY_VERSION, details: expect.objectContaining({ from: "0.9.0" }) })]);
  });

  it.runIf(stagedMethodology !== null)("re-grades every service when the grades carry no future under the staged version", async () => {
    await db.sql.query("DELETE FROM grade_snapshot");
    await db.sql.query("DELETE FROM audit_event");
    const { future: _future, ...withoutFuture } = snapshot(METHODOLOGY_VERSION, "00000000-0000-4000-8000-000000000003").report;
    await saveGradeSnapshot(db, { ...snapshot(METHODOLOGY_VERSION, "00000000-0000-4000-8000-000000000003"), report: withoutFuture });
    const queue = new RecordingJobQueue();
    expect(await regradeOnMethodologyChange(db, queue, ["freee", "slack"], "test")).toEqual({ from: METHODOLOGY_VERSION, to: METHODOLOGY_VERSION, staged: stagedMethodology!.version });
    expect(queue.added).toHaveLength(2);
    expect(await listAudit(db, { action: "methodology.staged" })).toEqual([expect.objectContaining({ target: stagedMethodology!.version, details: expect.objectContaining({ from: null, to: stagedMethodology!.version }) })]);
  });
});
