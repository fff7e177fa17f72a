import { describe, expect, it } from "vitest";
import { aggregateSteps } from "../../rollup/step-aggregate";
import { evidenceFromAggregates } from "../evidence-from-aggregates";
import { gradeService } from "../grade-service";

const calls = (ok: number, vendorFailures: number) =>
  aggregateSteps([
    ...Array.from({ length: ok }, () => ({ kind: "call" as const, ok: true, latencyMs: 100 })),
    ...Array.from({ length: vendorFailures }, () => ({ kind: "call" as const, ok: false, latencyMs: 100, errorClass: "server_error" as const, fault: "vendor" as const })),
  ]);

function reliabilityFix(ok: number, failures: number): string {
  const evidence = evidenceFromAggregates({ window: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" }, aggregates: { direct: calls(ok, failures) }, declared: {}, authMethod: "unknown" });
  const finding = gradeService(evidence).axes.reliability.findings.find((f) => f.id.endsWith("vendor_success"));
  return finding?.fix ?? "";
}

describe("reliability fix", () => {
  it("asks for more evidence, not fewer failures, when nothing failed but the sample is small", () => {
    expect(reliabilityFix(4, 0)).toMatch(/^Give the bound more evidence: 4 calls without a vendor failure only prove a \d+% lower bound; about 73 successful calls prove 95%/);
  });

  it("asks to remove vendor failures when there are some", () => {
    expect(reliabilityFix(40, 3)).toMatch(/^Remove vendor-attributable failures \(3 in the window\)/);
  });
});
