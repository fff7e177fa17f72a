import { describe, expect, it } from "vitest";
import { addStep, aggregateSteps, emptyAggregate, mergeAggregates, type StepFacts } from "./step-aggregate";

const ok = (latencyMs: number, kind: StepFacts["kind"] = "call"): StepFacts => ({ kind, ok: true, latencyMs });
const failed = (errorClass: StepFacts["errorClass"], fault: StepFacts["fault"]): StepFacts => ({ kind: "call", ok: false, latencyMs: 5, errorClass, fault });

describe("step aggregate", () => {
  it.each<[string, StepFacts[], Partial<ReturnType<typeof emptyAggregate>>]>([
    ["successes count and time", [ok(10), ok(20)], { calls: 2, successes: 2 }],
    ["readiness checks are findings, not traffic", [ok(10, "check"), { kind: "check", ok: false, latencyMs: 3 }], { calls: 0, successes: 0 }],
    ["failures count by class and fault", [failed("auth_expired", "vendor"), failed("invalid_input", "client"), failed("gateway_error", "intermediary")],
      { calls: 3, successes: 0, vendorFailures: 1, clientFailures: 1, intermediaryFailures: 1, errorCounts: { auth_expired: 1, invalid_input: 1, gateway_error: 1 } }],
    ["failed steps keep their latency out of the histogram", [failed("timeout", "vendor")], { latencyHistogram: {} }],
  ])("%s", (_, steps, expected) => {
    expect(aggregateSteps(steps)).toMatchObject(expected);
  });

  it("refuses an unclassified failure instead of silently dropping it", () => {
    expect(() => addStep(emptyAggregate(), { kind: "call", ok: false, latencyMs: 1 })).toThrow(/without a classification/);
  });

  it("merging is the same as aggregating everything at once", () => {
    const a = [ok(3), failed("server_error", "vendor")];
    const b = [ok(30), failed("rate_limited", "client"), ok(300)];
    expect(mergeAggregates(aggregateSteps(a), aggregateSteps(b))).toEqual(aggregateSteps([...a, ...b], 2));
  });
});
