import { describe, expect, it } from "vitest";
import { isTrafficStep, type StepKind } from "../probe/probe-record";
import { aggregateSteps } from "./step-aggregate";

describe("what counts as a call", () => {
  it.each<[StepKind, boolean, boolean]>([
    ["protocol", true, true],
    ["protocol", false, true],
    ["call", true, true],
    ["call", false, true],
    ["transport", true, false], // an open connection is a precondition, not an answer
    ["transport", false, true], // a connection that fails is a request that could not be sent
    ["auth", true, false],
    ["auth", false, false],
    ["check", true, false],
    ["check", false, false],
  ])("%s step, ok=%s → traffic: %s", (kind, ok, traffic) => {
    expect(isTrafficStep({ kind, ok })).toBe(traffic);
  });

  it("a server that accepts connections but answers no MCP request has no successful call", () => {
    const agg = aggregateSteps([
      { kind: "transport", ok: true, latencyMs: 1 },
      { kind: "protocol", ok: false, latencyMs: 5, errorClass: "server_error", fault: "vendor" },
    ]);
    expect(agg).toMatchObject({ calls: 1, successes: 0, vendorFailures: 1, latencyHistogram: {} });
  });

  it("a server that refuses connections counts one failed call per run", () => {
    const agg = aggregateSteps([{ kind: "transport", ok: false, latencyMs: 2, errorClass: "network_error", fault: "vendor" }]);
    expect(agg).toMatchObject({ calls: 1, successes: 0, vendorFailures: 1 });
  });
});
