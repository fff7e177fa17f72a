import { describe, expect, it } from "vitest";
import type { ProbeRunRecord, RunPath } from "../probe/probe-record";
import { addTally, emptyTally, tallyRun, windowTally, type RunTally } from "./run-tally";

type Step = ProbeRunRecord["steps"][number];
const at = "2026-11-01T00:00:00.000Z";
const ok: Step = { seq: 0, name: "tools/call:list", kind: "call", startedAt: at, latencyMs: 10, outcome: { kind: "ok" } };
const failed = (errorClass: "server_error" | "timeout" | "gateway_error", confidence: "code" | "inferred", fault: "vendor" | "intermediary" = "vendor"): Step => ({
  ...ok,
  outcome: { kind: "rpc-error", code: -32603, message: "boom" },
  classification: { errorClass, fault, confidence, retryable: true, decidedBy: "test" },
});
const run = (steps: Step[], credential?: { refreshes: number; expiredDuringRun: number }) =>
  ({ steps, summary: { target: { transport: "streamable-http" }, ...(credential ? { credential: { mode: "oauth-refresh", ...credential } } : {}) } }) as Pick<ProbeRunRecord, "summary" | "steps">;

describe("tallyRun: one run's error shapes and credential events", () => {
  it.each<[string, Pick<ProbeRunRecord, "summary" | "steps">, RunTally]>([
    ["successes only", run([ok, ok]), emptyTally()],
    ["a coded failure is structured", run([failed("server_error", "code")]), { ...emptyTally(), structuredErrors: 1 }],
    ["a prose-only failure is inferred", run([failed("server_error", "inferred")]), { ...emptyTally(), inferredErrors: 1 }],
    ["a timeout has no shape of the vendor's", run([failed("timeout", "code")]), emptyTally()],
    ["an intermediary's failure has no shape of the vendor's", run([failed("gateway_error", "code", "intermediary")]), emptyTally()],
    ["credential refreshes and expiries", run([ok], { refreshes: 2, expiredDuringRun: 1 }), { ...emptyTally(), credentialRefreshes: 2, credentialExpired: 1 }],
  ])("%s", (_, input, expected) => {
    expect(tallyRun(input)).toEqual(expected);
  });

  it("adds tallies field by field", () => {
    expect(addTally({ structuredErrors: 1, inferredErrors: 2, credentialRefreshes: 3, credentialExpired: 4 }, { structuredErrors: 10, inferredErrors: 20, credentialRefreshes: 30, credentialExpired: 40 }))
      .toEqual({ structuredErrors: 11, inferredErrors: 22, credentialRefreshes: 33, credentialExpired: 44 });
  });
});

describe("windowTally: error shapes on every path, credential events on the vendor's only", () => {
  const tally: RunTally = { structuredErrors: 1, inferredErrors: 2, credentialRefreshes: 3, credentialExpired: 4 };
  it.each<[string, RunPath[], ReturnType<typeof windowTally>]>([
    ["nothing", [], { errorShapes: { structured: 0, inferred: 0 }, credential: { refreshes: 0, expiredDuringRun: 0 } }],
    ["a direct run counts both", ["direct"], { errorShapes: { structured: 1, inferred: 2 }, credential: { refreshes: 3, expiredDuringRun: 4 } }],
    ["a gateway run counts its shapes, not its credential", ["gateway"], { errorShapes: { structured: 1, inferred: 2 }, credential: { refreshes: 0, expiredDuringRun: 0 } }],
    ["both paths", ["direct", "gateway"], { errorShapes: { structured: 2, inferred: 4 }, credential: { refreshes: 3, expiredDuringRun: 4 } }],
  ])("%s", (_, paths, expected) => {
    expect(windowTally(paths.map((path) => ({ path, tally })))).toEqual(expected);
  });
});
