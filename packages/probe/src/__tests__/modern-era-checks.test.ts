// The readiness checks that predate MCP 2026-07-28 (auth challenge, invalid token, protocol version, trace
// context, server card) against a REAL 2026-07-28-only server (the official v2 SDK with initialize refused):
// none may fail or end inconclusive merely because the server has no initialize. Each speaks the session's
// era (first-request.ts) and gives a verdict about the server, or says why it does not apply.
import { afterEach, describe, expect, it } from "vitest";
import type { CheckResult } from "@kensa/core";
import { runProbe } from "../index";
import { probeOptions } from "./fixtures/probe-options";
import { startLaxServer, startV2Server } from "./fixtures/protocol-servers";
import type { HttpFixture } from "./fixtures/http-fixture";

let fixture: HttpFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const preexisting = ["auth_challenge", "invalid_token", "protected_resource", "authorization_server", "protocol_version", "trace_context", "server_card"] as const;

async function allChecks(url: string, extra: Parameters<typeof probeOptions>[1] = {}) {
  const result = await runProbe(probeOptions(url, { checks: "all", ...extra }));
  const checks: Record<string, CheckResult> = Object.fromEntries(result.steps.filter((s) => s.check).map((s) => [s.check!.check, s.check!]));
  return { result, checks };
}

/** Nothing in a check's verdict may come from an initialize the server refused. */
function expectNotBlamedForInitialize(checks: Record<string, CheckResult>): void {
  for (const name of preexisting) {
    const check = checks[name];
    expect(check, name).toBeDefined();
    expect(check!.verdict, `${name}: ${JSON.stringify(check!.findings)}`).not.toBe("inconclusive");
    for (const f of check!.findings) {
      expect(f.message, name).not.toMatch(/initialize/);
      if (check!.verdict === "not_applicable") expect(f.message.length, `${name} says why it does not apply`).toBeGreaterThan(10);
    }
  }
}

describe("pre-2026 checks against a 2026-07-28-only server", () => {
  it("speak the modern wire with every default check: no verdict comes from the refused initialize", async () => {
    fixture = await startV2Server({ legacy: "reject" });
    const { result, checks } = await allChecks(fixture.url());
    expect(result.summary.protocolEra).toBe("modern");
    expectNotBlamedForInitialize(checks);
    // Without a gate the modern tools/list is served: auth is not required, so the token checks do not apply.
    expect(checks.auth_challenge).toMatchObject({ verdict: "not_applicable", facts: { status: 200, sent: "tools/list (2026-07-28)", authRequired: false } });
    expect(checks.invalid_token!.verdict).toBe("not_applicable");
    // The bogus version is judged on a modern request: 400 with -32022 UnsupportedProtocolVersion.
    expect(checks.protocol_version).toMatchObject({ verdict: "pass", facts: { era: "modern", status: 400, code: -32022 } });
    // The probe's modern tools/list carried the traceparent and was answered; the SDK does not echo it back.
    expect(checks.trace_context!.facts.answered).toBeGreaterThan(0);
    expect(checks.trace_context!.verdict).toBe("fail");
  });

  it("judges the auth gate of a modern-only server from a modern tools/list", async () => {
    fixture = await startV2Server({ legacy: "reject", bearer: { tokenScopes: ["mcp:read"], requiredScopes: ["mcp:read"], validTokens: ["good-token"] } });
    const { result, checks } = await allChecks(fixture.url(), { credential: { kind: "bearer", tokenSecret: "KENSA_TEST_TOKEN" }, secrets: { get: () => "good-token" } });
    expect(result.summary.protocolEra).toBe("modern");
    expect(checks.auth_challenge).toMatchObject({ verdict: "pass", facts: { status: 401, sent: "tools/list (2026-07-28)", authRequired: true, scope: "mcp:read" } });
    expect(checks.invalid_token).toMatchObject({ verdict: "pass", facts: { status: 401, error: "invalid_token", sent: "tools/list (2026-07-28)" } });
    expect(checks.protocol_version).toMatchObject({ verdict: "pass", facts: { era: "modern", code: -32022 } });
    // (protected_resource / authorization_server follow resource_metadata to an unreachable host: left out here.)
    for (const name of ["auth_challenge", "invalid_token", "protocol_version", "trace_context", "server_card"] as const) {
      expect(checks[name]!.verdict, name).not.toBe("inconclusive");
    }
  });

  it("still sends initialize to an initialize-era server", async () => {
    fixture = await startLaxServer({ modern: false });
    const { result, checks } = await allChecks(fixture.url());
    expect(result.summary.protocolEra).toBe("initialize");
    expect(checks.auth_challenge).toMatchObject({ facts: { sent: "initialize" } });
    expect(checks.protocol_version).toMatchObject({ facts: { era: "initialize" } });
  });
});
