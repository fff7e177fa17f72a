import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StepOutcome } from "@kensa/core";
import { runProbe } from "../index";
import { probeOptions, stepNamed } from "./fixtures/probe-options";

const server = fileURLToPath(new URL("./fixtures/hostile-stdio-server.mjs", import.meta.url));

describe("a hostile stdio server", () => {
  it.each<[string, Partial<StepOutcome>]>([
    ["deep", { kind: "protocol-violation", violation: "too-deep" }],
    ["huge", { kind: "protocol-violation", violation: "too-large" }],
    ["garbage", { kind: "protocol-violation", violation: "malformed-json" }],
    ["exit", { kind: "process-exit", phase: "session", exitCode: 3, signal: null }],
  ])("%s: tools/list ends within its bound without hurting the process", async (mode, outcome) => {
    const result = await runProbe({
      ...probeOptions("http://unused"),
      target: { kind: "stdio", command: process.execPath, args: [server, mode] },
      checks: "none",
      limits: { requestTimeoutMs: 3_000, maxResponseBytes: 1024 * 1024 },
    });
    expect(stepNamed(result.steps, "initialize").outcome.kind).toBe("ok");
    expect(stepNamed(result.steps, "tools/list").outcome).toMatchObject(outcome);
    expect(stepNamed(result.steps, "tools/list").latencyMs).toBeLessThan(3_000);
  });
});
