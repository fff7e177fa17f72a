import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { credentialHeaders } from "../testing/credential-headers";
import { testEntry } from "../testing/entries";
import { outcomeOf, rawCall } from "../testing/raw-call";

// Timeouts are real waits (a client gives up after 1 s), so they are kept rare; the rest is fast.
const mix = { server_error: 0.1, rate_limited: 0.1, not_found: 0.05, invalid_input: 0.05, protocol_error: 0.05, network_error: 0.05, timeout: 0.02 };
const { timeout: _slow, ...fastMix } = mix;
const entries = [
  testEntry({ id: "mixed", profile: "open-read-only", overrides: { failures: mix, rateLimit: null } }),
  testEntry({ id: "mixed-fast", profile: "open-read-only", overrides: { failures: { ...fastMix, timeout: 0 }, rateLimit: null } }),
  testEntry({ id: "mixed-text", profile: "open-read-only", overrides: { failures: { server_error: 0.5 }, errorShape: "text-only", rateLimit: null } }),
  testEntry({ id: "solid", profile: "oauth-solid" }),
  testEntry({ id: "legacy", profile: "oauth-legacy" }),
  testEntry({ id: "keyed", profile: "api-key-basic", overrides: { failureScale: 0 } }),
  testEntry({ id: "standard", profile: "oauth-standard", overrides: { failureScale: 0 } }),
];
const clock = new ControllableClock({ speed: 0 });
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: entries, seed: 42, latencyScale: 0, hangMs: 5_000, clock });
});
afterAll(() => sandbox.close());

async function call(id: string, args: Record<string, unknown> = { limit: 5 }, extra: Record<string, string> = {}, timeoutMs = 1_000) {
  const target = sandbox.targetFor(id, "direct");
  const headers = { ...(await credentialHeaders(target.credential, sandbox.secrets)), ...extra };
  return rawCall(target.url, "tools/call", { name: "list_deals", arguments: args, _meta: { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" } }, headers, timeoutMs);
}

describe("behaviour profiles over the wire", () => {
  it("reproduce their failure mix within statistical tolerance, each with its real evidence", async () => {
    const n = 400;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const answer = await call("mixed");
      const outcome = outcomeOf(answer);
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      if (outcome === "server_error" && answer.kind === "http") expect(answer.json).toMatchObject({ error: { code: -32603 } });
      if (outcome === "rate_limited" && answer.kind === "http") expect(answer.headers.get("retry-after")).toBe("2");
    }
    for (const [cls, p] of Object.entries(mix)) {
      const sigma = Math.sqrt(n * p * (1 - p));
      expect(Math.abs((counts.get(cls) ?? 0) - n * p), `${cls}: ${counts.get(cls)}`).toBeLessThan(4.5 * sigma);
    }
    expect(counts.get("ok")! / n).toBeGreaterThan(0.45);
  });

  it("answer text-only profiles with plain 500s", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => call("mixed-text")));
    const errors = outcomes.filter((a) => a.kind === "http" && a.status === 500);
    expect(errors.length).toBeGreaterThan(3);
    for (const e of errors) if (e.kind === "http") expect(e.text).toBe("Internal Server Error");
  });

  it("are deterministic under a seed", async () => {
    const run = async (seed: number) => {
      const s = await startSandbox({ catalogue: [entries[1]!], seed, latencyScale: 0 });
      const target = s.targetFor("mixed-fast", "direct");
      const out: string[] = [];
      for (let i = 0; i < 60; i++) out.push(outcomeOf(await rawCall(target.url, "tools/call", { name: "list_deals", arguments: { limit: 1 } }, {}, 5_000)));
      await s.close();
      return out;
    };
    const first = await run(9);
    expect(await run(9)).toEqual(first);
    expect(await run(10)).not.toEqual(first);
  });

  it("echo W3C traceparent in _meta only where the profile says so", async () => {
    const solid = await call("solid");
    const standard = await call("standard");
    expect(solid.kind === "http" && (solid.json as { result: { _meta?: unknown } }).result._meta).toEqual({ traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" });
    expect(standard.kind === "http" && (standard.json as { result: { _meta?: unknown } }).result._meta).toBeUndefined();
  });

  it("refuse a bogus MCP-Protocol-Version when strict and ignore it when lenient", async () => {
    const strict = await call("solid", { limit: 5 }, { "mcp-protocol-version": "1999-01-01" });
    const lenient = await call("legacy", { limit: 5 }, { "mcp-protocol-version": "1999-01-01" });
    expect(strict.kind === "http" && strict.status).toBe(400);
    expect(lenient.kind === "http" && lenient.status).toBe(200);
  });

  it("rate-limit per window of clock time, with Retry-After only where the profile gives it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const a = await call("keyed");
      statuses.push(a.kind === "http" ? a.status : 0);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await call("keyed");
    expect(limited.kind === "http" && limited.status).toBe(429);
    expect(limited.kind === "http" && limited.headers.get("retry-after")).toBeNull();
    clock.advance(60_000);
    const after = await call("keyed");
    expect(after.kind === "http" && after.status).toBe(200);
    for (let i = 0; i < 120; i++) await call("standard");
    const standard = await call("standard");
    expect(standard.kind === "http" && standard.status).toBe(429);
    expect(Number(standard.kind === "http" && standard.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
