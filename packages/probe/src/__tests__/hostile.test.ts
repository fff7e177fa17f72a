import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StepOutcome } from "@kensa/core";
import { runProbe } from "../index";
import { hostileAnswers } from "./fixtures/hostile-answers";
import { startMcpFixture, type McpFixture } from "./fixtures/mcp-fixture";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

// A well-behaved SDK server for initialize and tools/list whose tools/call answers are hostile, one per tool name.
const limits = { requestTimeoutMs: 1_500, maxStreamMs: 1_000, maxResponseBytes: 1024 * 1024, maxJsonDepth: 64, deadlineMs: 60_000 };

const expected: Record<string, Partial<StepOutcome>> = {
  huge: { kind: "protocol-violation", violation: "too-large" },
  endlessSse: { kind: "timeout", phase: "stream" },
  drip: { kind: "timeout", phase: "request" },
  malformedJson: { kind: "protocol-violation", violation: "malformed-json" },
  invalidJsonRpc: { kind: "protocol-violation", violation: "invalid-jsonrpc" },
  wrongId: { kind: "protocol-violation", violation: "id-mismatch" },
  malformedSse: { kind: "protocol-violation", violation: "malformed-json" },
  invalidUtf8: { kind: "protocol-violation", violation: "invalid-utf8" },
  deepJson: { kind: "protocol-violation", violation: "too-deep" },
  wrongContentType: { kind: "protocol-violation", violation: "bad-content-type" },
  redirectToMetadata: { kind: "blocked", reason: "redirect-to-private" },
};

describe("hostile answers end within their bound, are recorded with the right outcome, and leave the process healthy", () => {
  let fixture: McpFixture;
  beforeAll(async () => {
    fixture = await startMcpFixture({
      intercept: (_req, res, rpc) => {
        const answer = rpc.method === "tools/call" ? hostileAnswers[rpc.name ?? ""] : undefined;
        if (!answer) return false;
        answer(res, { port: fixture.port });
        return true;
      },
    });
  });
  afterAll(() => fixture.close());

  it.each(Object.entries(expected))("%s", async (name, outcome) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call(name), call("echo")], checks: "none", limits }));
    const elapsed = performance.now() - started;
    expect(stepNamed(result.steps, `tools/call:${name}`).outcome).toMatchObject(outcome);
    // The session survives the bad answer: the next call still works.
    expect(stepNamed(result.steps, "tools/call:echo").outcome.kind).toBe("ok");
    expect(elapsed).toBeLessThan(limits.requestTimeoutMs + limits.maxStreamMs + 3_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a redirect from a public-looking target into a loopback address that is not allow-listed", async () => {
    const result = await runProbe(
      probeOptions(`http://localhost:${fixture.port}/mcp`, { calls: [call("redirectToLoopback")], checks: "none", limits, addressPolicy: { allowPrivate: false, allowHosts: ["localhost"] } }),
    );
    expect(stepNamed(result.steps, "tools/call:redirectToLoopback").outcome).toMatchObject({ kind: "blocked", reason: "redirect-to-private" });
  });
});
