import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "../index";
import { serverEverythingBin, startServerEverythingHttp, type RunningServer } from "./fixtures/server-everything";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

const calls = [call("echo", { message: "kensa" }), call("get-sum", { a: 2, b: 3 }), call("get-sum", { a: "two" }), call("no-such-tool")];

describe("@modelcontextprotocol/server-everything over Streamable HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServerEverythingHttp();
  }, 30_000);
  afterAll(() => server?.stop());

  it("probes it end to end: protocol steps, calls, a validation failure and an unknown tool", async () => {
    const result = await runProbe(probeOptions(server.url, { calls, limits: { requestTimeoutMs: 10_000 } }));
    expect(result.summary).toMatchObject({ protocolVersion: "2025-11-25", serverInfo: { name: "mcp-servers/everything" }, target: { transport: "streamable-http" } });
    expect(result.summary.tools!.count).toBeGreaterThan(5);
    expect(result.summary.tools!.names).toContain("echo");
    for (const name of ["connect", "initialize", "tools/list", "tools/call:echo"]) expect(stepNamed(result.steps, name).outcome.kind).toBe("ok");
    const sums = result.steps.filter((s) => s.name === "tools/call:get-sum");
    expect(sums[0]!.outcome.kind).toBe("ok");
    expect(sums[1]!.outcome).toMatchObject({ kind: "tool-error", text: expect.stringContaining("-32602") });
    expect(stepNamed(result.steps, "tools/call:no-such-tool").outcome.kind).toMatch(/tool-error|rpc-error/);
    expect(stepNamed(result.steps, "check:auth_challenge").check?.verdict).toBe("not_applicable");
    expect(stepNamed(result.steps, "check:protocol_version").check?.verdict).toBe("pass");
  });
});

describe("@modelcontextprotocol/server-everything over stdio", () => {
  it("spawns it, probes it and stops it", async () => {
    const result = await runProbe({
      ...probeOptions("http://unused"),
      target: { kind: "stdio", command: process.execPath, args: [serverEverythingBin, "stdio"] },
      calls: [call("echo", { message: "over stdio" })],
      limits: { requestTimeoutMs: 10_000, connectTimeoutMs: 10_000 },
    });
    expect(result.summary.target).toEqual({ transport: "stdio" });
    expect(result.summary.serverInfo?.name).toBe("mcp-servers/everything");
    expect(stepNamed(result.steps, "tools/call:echo").outcome).toEqual({ kind: "ok" });
    const checks = result.steps.filter((s) => s.kind === "check");
    expect(checks.filter((s) => s.check?.verdict === "not_applicable").map((s) => s.name)).toEqual(
      expect.arrayContaining(["check:auth_challenge", "check:protected_resource", "check:protocol_version"]),
    );
  });

  it("records a command that cannot start as a failed connect", async () => {
    const result = await runProbe({ ...probeOptions("http://unused"), target: { kind: "stdio", command: "/nonexistent/kensa-server", args: [] } });
    expect(result.steps[0]).toMatchObject({ name: "connect", outcome: { kind: "process-exit", phase: "start", spawnError: "ENOENT" } });
  });
});
