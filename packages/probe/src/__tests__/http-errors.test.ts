import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "../index";
import { startMcpFixture, type McpFixture } from "./fixtures/mcp-fixture";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

// Each tool name makes the fixture answer tools/call itself, the way a real server or gateway fails.
const answers: Record<string, (res: import("node:http").ServerResponse) => void> = {
  rate: (res) => res.writeHead(429, { "retry-after": "30", "content-type": "application/json", "ratelimit-remaining": "0" }).end('{"error":"rate_limited"}'),
  boom: (res) => res.writeHead(500, { "content-type": "text/plain" }).end("internal error"),
  gateway: (res) => res.writeHead(503, { "content-type": "text/html", via: "1.1 gateway" }).end("<html>Service Unavailable</html>"),
  forbidden: (res) => res.writeHead(403, { "www-authenticate": 'Bearer error="insufficient_scope", scope="mcp:write"', "content-type": "application/json" }).end('{"error":"insufficient_scope"}'),
  nochallenge: (res) => res.writeHead(401, { "content-type": "application/json" }).end('{"error":"unauthorized"}'),
  challenge: (res) => res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token", resource_metadata="http://x/.well-known/oauth-protected-resource"' }).end(),
  gone: (res) => res.writeHead(404, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","error":{"code":-32001,"message":"Session not found"},"id":null}'),
  drop: (res) => res.socket?.destroy(),
};

describe("HTTP failures of a tools/call are recorded with the evidence that classifies them", () => {
  let fixture: McpFixture;
  beforeAll(async () => {
    fixture = await startMcpFixture({
      intercept: (_req, res, rpc) => {
        const answer = rpc.method === "tools/call" ? answers[rpc.name ?? ""] : undefined;
        if (!answer) return false;
        answer(res);
        return true;
      },
    });
  });
  afterAll(() => fixture.close());

  it("keeps status, Retry-After, WWW-Authenticate and body excerpts, and the probe continues after each", async () => {
    const result = await runProbe(probeOptions(fixture.url(), { calls: Object.keys(answers).map((name) => call(name)).concat(call("echo")), checks: "none" }));
    const outcome = (name: string) => stepNamed(result.steps, `tools/call:${name}`).outcome;
    expect(outcome("rate")).toMatchObject({ kind: "http-error", status: 429, headers: { "retry-after": "30", "ratelimit-remaining": "0" }, body: '{"error":"rate_limited"}' });
    expect(outcome("boom")).toMatchObject({ kind: "http-error", status: 500, body: "internal error" });
    expect(outcome("gateway")).toMatchObject({ kind: "http-error", status: 503, headers: { via: "1.1 gateway", "content-type": "text/html" } });
    expect(outcome("forbidden")).toMatchObject({ kind: "http-error", status: 403, headers: { "www-authenticate": 'Bearer error="insufficient_scope", scope="mcp:write"' } });
    expect(outcome("nochallenge")).toMatchObject({ kind: "http-error", status: 401 });
    expect((outcome("nochallenge") as { headers: Record<string, string> }).headers["www-authenticate"]).toBeUndefined();
    expect(outcome("challenge")).toMatchObject({ kind: "http-error", status: 401, headers: { "www-authenticate": expect.stringContaining("invalid_token") } });
    expect(outcome("gone")).toMatchObject({ kind: "http-error", status: 404, body: expect.stringContaining("Session not found") });
    expect(outcome("drop")).toMatchObject({ kind: "network-error" });
    expect(outcome("echo").kind).toBe("ok");
  });

  it("records a server that is not listening as a failed connect, and stops there", async () => {
    const gone = await startMcpFixture();
    await gone.close();
    const result = await runProbe(probeOptions(gone.url()));
    expect(result.steps[0]).toMatchObject({ name: "connect", outcome: { kind: "network-error", code: "ECONNREFUSED" } });
    expect(result.steps.some((s) => s.name === "initialize")).toBe(false);
  });

  it("refuses a loopback target that is not allow-listed, without sending a byte", async () => {
    const before = fixture.handled.length;
    const result = await runProbe(probeOptions(fixture.url(), { addressPolicy: { allowPrivate: false } }));
    expect(result.steps[0]).toMatchObject({ name: "connect", outcome: { kind: "blocked", reason: "private-address" } });
    expect(fixture.handled.length).toBe(before);
  });
});
