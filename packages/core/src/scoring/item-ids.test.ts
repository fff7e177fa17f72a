import { describe, expect, it } from "vitest";
import { GradeEvidence } from "./evidence";
import { evidenceFromRuns } from "./evidence-from-runs";
import { gradeService } from "./grade-service";
import { itemIds, toolItemIds } from "./item-ids";
import { itemInEffect } from "./item-versions";
import { currentMethodology, methodology_1_2_0 } from "./methodology";
import { freeeRuns, slackRuns } from "./seed-fixtures";

const emittedIds = (report: ReturnType<typeof gradeService>) => Object.values(report.axes).flatMap((a) => a.findings.map((f) => f.id)).sort();

describe("the closed list of scored items", () => {
  it.each([
    ["freee", () => evidenceFromRuns(freeeRuns().runs, freeeRuns().context)],
    ["slack", () => evidenceFromRuns(slackRuns().runs, slackRuns().context)],
    ["no evidence at all", () => evidenceFromRuns([], { authMethod: "unknown", declared: {}, window: { from: "2026-04-01T00:00:00.000Z", to: "2026-04-02T00:00:00.000Z" } })],
  ])("%s: the scorer emits exactly the listed items in force, once each", (_name, evidence) => {
    const inForce = (version: { version: string }) => itemIds.filter((id) => itemInEffect({ id }, version)).sort();
    expect(emittedIds(gradeService(GradeEvidence.parse(evidence())))).toEqual(inForce(currentMethodology));
    expect(emittedIds(gradeService(GradeEvidence.parse(evidence()), { methodology: methodology_1_2_0 }))).toEqual([...itemIds].sort());
  });

  it("1.2.0 adds the tools axis's items; the current version does not score them", () => {
    const added = itemIds.filter((id) => !itemInEffect({ id }, currentMethodology));
    expect(added).toEqual(expect.arrayContaining([...toolItemIds]));
  });

  it("every cap states the numbers its reason quotes", () => {
    const { runs, context } = freeeRuns();
    const [cap] = gradeService(evidenceFromRuns(runs, context)).caps;
    expect(cap).toMatchObject({ id: "cap.tokens_expire_mid_run", values: { expired: 4 } });
    expect(cap!.reason).toContain("4 times");
  });
});
