// The MCP 2026-07-28 readiness checks (methodology 1.2) against real servers on loopback: the official v2
// SDK server for what a migrated vendor gets right, small node:http servers for each way to get it wrong.
import { afterEach, describe, expect, it } from "vitest";
import type { CheckResult } from "@kensa/core";
import { runProbe } from "../index";
import { startLegacySseFixture } from "./fixtures/legacy-sse-fixture";
import { call, probeOptions } from "./fixtures/probe-options";
import { startLaxServer, startV2Server, v2Tools } from "./fixtures/protocol-servers";
import type { HttpFixture } from "./fixtures/http-fixture";

let fixture: HttpFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const protocolChecks = ["header_mirroring", "cache_hints", "tools_order", "step_up", "streamable_http", "server_card_discover"] as const;

async function checksOf(url: string, extra: Parameters<typeof probeOptions>[1] = {}): Promise<Record<string, CheckResult>> {
  const result = await runProbe(probeOptions(url, { checks: [...protocolChecks], ...extra }));
  return Object.fromEntries(result.steps.filter((s) => s.check).map((s) => [s.check!.check, s.check!]));
}
const failed = (check: CheckResult) => check.findings.filter((f) => !f.ok).map((f) => f.id);

describe("MCP 2026-07-28 checks against the official v2 SDK server", () => {
  it("passes header mirroring, cache hints, a stable tools/list and Streamable HTTP", async () => {
    fixture = await startV2Server();
    const checks = await checksOf(fixture.url());
    expect(checks.header_mirroring).toMatchObject({
      verdict: "pass",
      facts: { era: "modern", agreeingStatus: 200, methodMismatchStatus: 400, methodMismatchCode: -32020, nameMismatchStatus: 400, nameMismatchCode: -32020, missingHeaderStatus: 400, missingHeaderCode: -32020, mismatchAccepted: false },
    });
    expect(checks.cache_hints).toMatchObject({ verdict: "pass", facts: { toolsListTtlMs: 60_000, toolsListCacheScope: "public", discoverTtlMs: 3_600_000, discoverCacheScope: "public" } });
    expect(checks.tools_order).toMatchObject({ verdict: "pass", facts: { era: "modern", tools: v2Tools.length, deterministic: true } });
    expect(checks.streamable_http).toMatchObject({ verdict: "pass", facts: { legacySseOnly: false } });
    // No token: nothing to under-scope, and it says so.
    expect(checks.step_up).toMatchObject({ verdict: "not_applicable", facts: { token: false } });
    expect(checks.step_up!.findings[0]!.message).toMatch(/without a bearer token/);
    // No card served at the draft location: optional, so not applicable.
    expect(checks.server_card_discover).toMatchObject({ verdict: "not_applicable", facts: { present: false } });
  });

  it("judges a 2026-07-28-only server (initialize refused) on its own wire, as the probe's session speaks it", async () => {
    fixture = await startV2Server({ legacy: "reject" });
    const result = await runProbe(probeOptions(fixture.url(), { checks: [...protocolChecks] }));
    // The prober opens the session in the modern era (server/discover); the checks send their own requests.
    expect(result.summary.protocolEra).toBe("modern");
    expect(result.summary.eras?.map((e) => e.era)).toEqual(["modern"]);
    const checks = Object.fromEntries(result.steps.filter((s) => s.check).map((s) => [s.check!.check, s.check!]));
    expect(checks.header_mirroring).toMatchObject({ verdict: "pass", facts: { era: "modern", mismatchAccepted: false } });
    expect(checks.cache_hints!.verdict).toBe("pass");
    expect(checks.tools_order).toMatchObject({ verdict: "pass", facts: { era: "modern" } });
    expect(checks.streamable_http!.verdict).toBe("pass");
  });

  it("passes step-up when the SDK's bearer gate refuses an under-scoped token with 403 insufficient_scope", async () => {
    fixture = await startV2Server({ bearer: { tokenScopes: ["mcp:read"], requiredScopes: ["mcp:read", "mcp:write"] } });
    const checks = await checksOf(fixture.url(), { credential: { kind: "bearer", tokenSecret: "KENSA_TEST_TOKEN" }, secrets: { get: () => "narrow-token" } });
    expect(checks.step_up).toMatchObject({ verdict: "pass", facts: { token: true, error: "insufficient_scope", resourceMetadata: true } });
    expect(checks.step_up!.facts.scope).toContain("mcp:write");
  });

  it("compares the server card at the draft location with server/discover", async () => {
    fixture = await startV2Server({
      card: (origin) => ({ name: "io.example/v2", version: "2.0.1", capabilities: { tools: {} }, remotes: [{ type: "streamable-http", url: `${origin}/mcp`, supportedProtocolVersions: ["2026-07-28"] }] }),
    });
    const good = await checksOf(fixture.url());
    expect(good.server_card_discover).toMatchObject({ verdict: "pass", facts: { present: true, primaryLocation: true, versionMatches: true, capabilitiesMatch: true, protocolVersionsMatch: true } });
    await fixture.close();
    fixture = await startV2Server({ card: () => ({ name: "io.example/v2", version: "1.9.0", capabilities: { tools: {}, prompts: {} } }), cardHeaders: { "access-control-allow-origin": "https://only.example" } });
    const bad = await checksOf(fixture.url());
    expect(bad.server_card_discover!.verdict).toBe("fail");
    expect(failed(bad.server_card_discover!)).toEqual(["cors", "version", "capabilities"]);
  });
});

describe("MCP 2026-07-28 checks against servers that get it wrong", () => {
  it("fails a modern server that accepts mismatched headers, sends no cache hints and rotates tools/list", async () => {
    const lax = await startLaxServer({ modern: true, rotate: true });
    fixture = lax;
    const checks = await checksOf(lax.url());
    expect(checks.header_mirroring).toMatchObject({ verdict: "fail", facts: { agreeingStatus: 200, methodMismatchStatus: 200, nameMismatchStatus: 200, missingHeaderStatus: 200, mismatchAccepted: true } });
    expect(failed(checks.header_mirroring!)).toEqual(["rejects-method-mismatch", "rejects-name-mismatch", "rejects-missing-header"]);
    expect(checks.header_mirroring!.findings.find((f) => f.id === "rejects-name-mismatch")!.fix).toMatch(/-32020/);
    expect(checks.cache_hints).toMatchObject({ verdict: "fail", facts: { toolsListTtlMs: null, toolsListCacheScope: null } });
    expect(failed(checks.cache_hints!)).toEqual(["ttl", "cache-scope"]);
    expect(checks.tools_order).toMatchObject({ verdict: "fail", facts: { sameSet: true, deterministic: false } });
    // The deliberately mismatched tools/call named no real tool, so nothing ran.
    expect(lax.seen.filter((s) => s.method === "tools/call").length).toBe(1);
  });

  it("marks the 2026-07-28-only checks not applicable on an initialize-era server, but still compares its tools/list", async () => {
    fixture = await startLaxServer({ modern: false, rotate: true });
    const checks = await checksOf(fixture.url());
    for (const name of ["header_mirroring", "cache_hints", "server_card_discover"]) {
      expect(checks[name], name).toMatchObject({ verdict: "not_applicable", facts: { era: "initialize" } });
      expect(checks[name]!.findings[0]!.message).toMatch(/initialize era only/);
    }
    expect(checks.tools_order).toMatchObject({ verdict: "fail", facts: { era: "initialize", deterministic: false } });
  });

  it("judges a 403 to our token: insufficient_scope naming scope and resource_metadata passes, a bare 403 fails", async () => {
    const token = { credential: { kind: "bearer" as const, tokenSecret: "KENSA_TEST_TOKEN" }, secrets: { get: () => "test-token-value" }, calls: [call("one")] };
    fixture = await startLaxServer({ forbidCalls: { wwwAuthenticate: 'Bearer error="insufficient_scope", scope="files:write", resource_metadata="https://mcp.example/.well-known/oauth-protected-resource"' } });
    const good = await checksOf(fixture.url(), token);
    expect(good.step_up).toMatchObject({ verdict: "pass", facts: { token: true, forbidden: 1, error: "insufficient_scope", scope: "files:write", resourceMetadata: true } });
    await fixture.close();
    fixture = await startLaxServer({ forbidCalls: {} });
    const bare = await checksOf(fixture.url(), token);
    expect(bare.step_up).toMatchObject({ verdict: "fail", facts: { error: null, scope: null, resourceMetadata: false } });
    expect(failed(bare.step_up!)).toEqual(["insufficient-scope", "scope", "resource-metadata"]);
    await fixture.close();
    fixture = await startLaxServer({});
    const never = await checksOf(fixture.url(), token);
    expect(never.step_up).toMatchObject({ verdict: "not_applicable", facts: { token: true, forbidden: 0 } });
  });

  it("bounds every exchange: a tools/list stream held open without an answer makes the checks inconclusive, not stuck", async () => {
    fixture = await startLaxServer({ modern: true, holdModernLists: true });
    const result = await runProbe(probeOptions(fixture.url(), { checks: [...protocolChecks], limits: { requestTimeoutMs: 500, connectTimeoutMs: 1_000, maxStreamMs: 1_000, deadlineMs: 20_000 } }));
    const step = (name: string) => result.steps.find((s) => s.name === `check:${name}`)!;
    for (const name of ["header_mirroring", "cache_hints", "tools_order"]) {
      expect(step(name).check!.verdict, name).toBe("inconclusive");
      expect(step(name).outcome, name).toMatchObject({ kind: "timeout", phase: "request", limitMs: 500 });
    }
    // The checks after them still ran.
    expect(step("streamable_http").check!.verdict).toBe("pass");
  });

  it("fails a server that offers only the deprecated HTTP+SSE transport", async () => {
    fixture = await startLegacySseFixture();
    const checks = await checksOf(fixture.url(), { target: { kind: "http", url: fixture.url(), transport: "sse" } });
    expect(checks.streamable_http).toMatchObject({ verdict: "fail", facts: { transport: "sse", legacySseOnly: true } });
    expect(checks.streamable_http!.findings[0]!.fix).toMatch(/Streamable HTTP/);
  });
});
