import { describe, expect, it } from "vitest";
import type { ProbeRunRecord, ProbeStepRecord } from "../probe/probe-record";
import { classifyRun } from "./classify-run";

const at = "2026-06-01T00:00:00.000Z";
const step = (seq: number, outcome: ProbeStepRecord["outcome"], extra: Partial<ProbeStepRecord> = {}): ProbeStepRecord => ({
  seq, name: seq === 0 ? "initialize" : `tools/call:t${seq}`, kind: seq === 0 ? "protocol" : "call", startedAt: at, latencyMs: 10, outcome, ...extra,
});

function run(path: ProbeRunRecord["path"], steps: ProbeStepRecord[]): Pick<ProbeRunRecord, "path" | "steps"> & { id: string } {
  return { id: "r1", path, steps };
}

describe("classifyRun", () => {
  it("classifies every failed step and leaves successful ones alone", () => {
    const input = run("direct", [step(0, { kind: "ok" }), step(1, { kind: "http-error", status: 429, headers: {} }), step(2, { kind: "timeout", phase: "request", limitMs: 1 })]);
    const out = classifyRun(input);
    expect(out.steps.map((s) => s.classification?.errorClass)).toEqual([undefined, "rate_limited", "timeout"]);
    expect(out.id).toBe("r1");
  });

  it("uses the run's path as context", () => {
    const failed = step(1, { kind: "rpc-error", code: -32602, message: "Invalid params" });
    expect(classifyRun(run("direct", [failed])).steps[0]!.classification!.fault).toBe("client");
    expect(classifyRun(run("gateway", [failed])).steps[0]!.classification!.fault).toBe("intermediary");
  });

  it("returns a copy: the input run is not changed", () => {
    const input = run("direct", [step(1, { kind: "http-error", status: 500, headers: {} })]);
    classifyRun(input);
    expect(input.steps[0]!.classification).toBeUndefined();
  });

  it("keeps an existing classification unless asked to overwrite it", () => {
    const existing = { errorClass: "auth_expired" as const, fault: "vendor" as const, confidence: "code" as const, retryable: true, decidedBy: "stored" };
    const input = run("direct", [step(1, { kind: "http-error", status: 500, headers: {} }, { classification: existing })]);
    expect(classifyRun(input).steps[0]!.classification).toEqual(existing);
    expect(classifyRun(input, { overwrite: true }).steps[0]!.classification!.errorClass).toBe("server_error");
  });

  it("overwriting drops a stale classification from a step that did not fail", () => {
    const stale = { errorClass: "timeout" as const, fault: "vendor" as const, confidence: "code" as const, retryable: true, decidedBy: "stale" };
    const out = classifyRun(run("direct", [step(1, { kind: "ok" }, { classification: stale })]), { overwrite: true });
    expect(out.steps[0]).not.toHaveProperty("classification");
  });
});
