import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProbeRunRecord } from "@kensa/core";
import { runProbe } from "../index";
import { startMcpFixture, type McpFixture } from "./fixtures/mcp-fixture";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

describe("runProbe against an SDK server over Streamable HTTP", () => {
  let fixture: McpFixture;
  beforeAll(async () => {
    fixture = await startMcpFixture({ echoTrace: true });
  });
  afterAll(() => fixture.close());

  it("records connect, initialize, tools/list, each call and every check as steps", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("echo", { message: "hi" }), call("fail"), call("reject"), call("missing")] }));
    expect(result.steps.map((s) => s.name)).toEqual([
      "connect", "initialize", "tools/list", "tools/call:echo", "tools/call:fail", "tools/call:reject", "tools/call:missing",
      "check:auth_challenge", "check:invalid_token", "check:protected_resource", "check:authorization_server",
      "check:protocol_version", "check:trace_context", "check:server_card",
      "check:header_mirroring", "check:cache_hints", "check:tools_order", "check:step_up", "check:streamable_http", "check:server_card_discover",
    ]);
    expect(result.steps.map((s) => s.seq)).toEqual(result.steps.map((_, i) => i));
    expect(stepNamed(result.steps, "initialize").outcome).toEqual({ kind: "ok", httpStatus: 200 });
    expect(stepNamed(result.steps, "tools/call:echo").outcome).toEqual({ kind: "ok", httpStatus: 200 });
    expect(stepNamed(result.steps, "tools/call:fail").outcome).toMatchObject({ kind: "tool-error", text: "the quantity must be positive", structured: { error: { code: "invalid_input" } } });
    expect(stepNamed(result.steps, "tools/call:reject").outcome).toMatchObject({ kind: "rpc-error", code: -32602, data: { field: "id" } });
    expect(stepNamed(result.steps, "tools/call:missing").outcome).toMatchObject({ kind: "rpc-error", code: -32602 });
    expect(result.summary).toMatchObject({
      target: { url: fixture.url(), transport: "streamable-http" },
      protocolVersion: "2025-11-25",
      serverInfo: { name: "kensa-fixture", version: "1.2.3" },
      tools: { count: 4, withSchema: 4, names: ["echo", "fail", "reject", "slow"], writeTools: 2 },
    });
    expect(result.steps.every((s) => s.traceId === result.traceId)).toBe(true);
    expect(stepNamed(result.steps, "tools/call:echo").expect).toBe("success");
  });

  it("returns records that satisfy the core contract once the caller adds its identity fields", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("echo")], rounds: 2 }));
    const record = { ...result, id: "2b1c8a2e-9a1f-4d1e-8f0a-1c2d3e4f5a6b", idempotencyKey: "k", serviceId: "fixture", trigger: "scan", source: "sandbox" };
    expect(ProbeRunRecord.safeParse(record).success).toBe(true);
    expect(result.steps.filter((s) => s.name === "tools/call:echo")).toHaveLength(2);
  });

  it("gives the same tool hash on every run and leaves no session open", async () => {
    const a = await runProbe(probeOptions(fixture.url(), { checks: "none" }));
    const b = await runProbe(probeOptions(fixture.url(), { checks: "none" }));
    expect(a.summary.tools?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.summary.tools?.hash).toBe(b.summary.tools?.hash);
    expect(fixture.openSessions()).toBe(0);
  });

  it("sends no notifications/cancelled for requests that were answered (one POST per call, not two)", async () => {
    const methods: string[] = [];
    const watched = await startMcpFixture({ intercept: (_req, _res, rpc) => {
      if (rpc.method) methods.push(rpc.method);
      return false;
    } });
    const result = await runProbe(probeOptions(watched.url(), { calls: [call("echo"), call("echo")], checks: "none" }));
    await watched.close();
    expect(result.steps.every((s) => s.outcome.kind === "ok")).toBe(true);
    // server/discover first: the v1 fixture gives no modern answer, so the run speaks the initialize era.
    expect(methods).toEqual(["server/discover", "initialize", "notifications/initialized", "tools/list", "tools/call", "tools/call"]);
    expect(result.summary).toMatchObject({ protocolEra: "initialize", protocolVersion: "2025-11-25", eras: [{ era: "initialize", versions: ["2025-11-25"] }] });
  });

  it("sends a traceparent of the run's trace in _meta and sees it come back", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("echo")], checks: ["trace_context"] }));
    expect(stepNamed(result.steps, "check:trace_context").check).toMatchObject({ verdict: "pass", facts: { echoed: 2 } });
    const quiet = await startMcpFixture();
    const silent = await runProbe(probeOptions(quiet.url(), { calls: [call("echo")], checks: ["trace_context"] }));
    expect(stepNamed(silent.steps, "check:trace_context").check).toMatchObject({ verdict: "fail", facts: { echoed: 0, answered: 2 } });
    await quiet.close();
  });

  it("ends a slow tool at the request bound and keeps probing", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("slow", { ms: 5_000 }), call("echo")], checks: "none", limits: { requestTimeoutMs: 800 } }));
    expect(stepNamed(result.steps, "tools/call:slow").outcome).toEqual({ kind: "timeout", phase: "request", limitMs: 800 });
    expect(stepNamed(result.steps, "tools/call:slow").latencyMs).toBeLessThan(3_000);
    expect(stepNamed(result.steps, "tools/call:echo").outcome.kind).toBe("ok");
  });

  it("cuts the standalone listening stream at its bound without failing any step", async () => {
    const slow = Array.from({ length: 6 }, () => call("slow", { ms: 100 }));
    const result = await runProbe(probeOptions(fixture.url(), { calls: slow, checks: "none", limits: { maxStreamMs: 450, requestTimeoutMs: 2_000 } }));
    expect(result.steps.filter((s) => s.kind === "call").map((s) => s.outcome.kind)).toEqual(Array(6).fill("ok"));
  });

  it("is not held up by a listening stream the server keeps open (the steps go on; closing ends it)", async () => {
    const held: import("node:http").ServerResponse[] = [];
    const holding = await startMcpFixture({ intercept: (req, res) => {
      if (req.method !== "GET") return false;
      // An SSE stream with a priming event, then nothing, for as long as the client keeps it.
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" }).write("id: e-1\nretry: 60000\ndata: \n\n");
      held.push(res);
      return true;
    } });
    const result = await runProbe(probeOptions(holding.url(), { calls: [call("echo"), call("echo")], checks: "none", limits: { maxStreamMs: 60_000, requestTimeoutMs: 2_000, deadlineMs: 60_000 } }));
    await holding.close();
    expect(held.length).toBeGreaterThan(0);
    expect(result.steps.map((s) => s.outcome.kind)).toEqual(Array(5).fill("ok"));
    // Bounded, not timed: far below the stream's own 60 s bound and the deadline.
    expect(Date.parse(result.finishedAt) - Date.parse(result.startedAt)).toBeLessThan(10_000);
  });

  it("stops at the probe deadline, marking the interrupted step", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: [call("slow", { ms: 5_000 }), call("echo")], limits: { requestTimeoutMs: 4_000, deadlineMs: 1_500 } }));
    expect(stepNamed(result.steps, "tools/call:slow").outcome).toEqual({ kind: "timeout", phase: "deadline", limitMs: 1_500 });
    expect(result.steps.some((s) => s.name === "tools/call:echo" || s.kind === "check")).toBe(false);
  });

  it("rejects bad options with a clear error before sending anything", async () => {
    await expect(runProbe(probeOptions("ftp://example.com/mcp"))).rejects.toThrow(/target.url must be http or https/);
    await expect(runProbe(probeOptions(fixture.url(), { rounds: 0 }))).rejects.toThrow(/rounds must be an integer/);
    await expect(runProbe(probeOptions(fixture.url(), { limits: { maxResponseBytes: -1 } }))).rejects.toThrow(/maxResponseBytes/);
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("worker shutting down")), 100);
    await expect(runProbe(probeOptions(fixture.url(), { calls: [call("slow", { ms: 3_000 })], signal: controller.signal }))).rejects.toThrow("worker shutting down");
  });
});
