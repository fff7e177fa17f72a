import { afterEach, describe, expect, it } from "vitest";
import type { CheckResult } from "@kensa/core";
import { runProbe } from "../index";
import { goodMetadata, startOAuthFixture, type OAuthFixture } from "./fixtures/oauth-fixture";
import { startMcpFixture, type McpFixture } from "./fixtures/mcp-fixture";
import { probeOptions } from "./fixtures/probe-options";

let fixture: (McpFixture | OAuthFixture) | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function checksOf(url: string, extra: Parameters<typeof probeOptions>[1] = {}): Promise<Record<string, CheckResult>> {
  const result = await runProbe(probeOptions(url, { checks: "all", ...extra }));
  return Object.fromEntries(result.steps.filter((s) => s.check).map((s) => [s.check!.check, s.check!]));
}
const failed = (check: CheckResult) => check.findings.filter((f) => !f.ok).map((f) => f.id);

describe("readiness checks against authorization setups that get each item right and wrong", () => {
  it("passes a server that does everything right, with the facts the scorer reads", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 3_600 });
    const checks = await checksOf(fixture.url());
    expect(checks.auth_challenge).toMatchObject({ verdict: "pass", facts: { authRequired: true, resourceMetadata: `${fixture.origin}/.well-known/oauth-protected-resource/mcp`, scope: "mcp:read" } });
    expect(checks.invalid_token).toMatchObject({ verdict: "pass", facts: { status: 401, error: "invalid_token" } });
    expect(checks.protected_resource).toMatchObject({ verdict: "pass", facts: { resourceMatches: true, authorizationServers: [fixture.origin] } });
    expect(checks.authorization_server).toMatchObject({
      verdict: "pass",
      facts: { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true, clientIdMetadataDocuments: true, issParameterSupported: true, refreshTokenGrant: true, clientCredentialsGrant: true, idJag: true, issuerMatches: true },
    });
    expect(failed(checks.authorization_server!)).toEqual([]);
    // Without credentials there is no session to test the protocol header in.
    expect(checks.protocol_version!.verdict).toBe("inconclusive");
  });

  it("fails an authorization server without PKCE, with an implied implicit grant, a wrong issuer and no registration", async () => {
    fixture = await startOAuthFixture({
      lifetimeSec: 3_600,
      metadata: (origin) => ({ issuer: `${origin}/other`, authorization_endpoint: `${origin}/authorize`, token_endpoint: `${origin}/token`, response_types_supported: ["code", "token"] }),
    });
    const checks = await checksOf(fixture.url());
    expect(checks.authorization_server).toMatchObject({ verdict: "fail", facts: { pkceS256: false, implicitGrant: true, issuerMatches: false, refreshTokenGrant: false, idJag: false } });
    expect(failed(checks.authorization_server!)).toEqual(["issuer", "pkce-s256", "no-implicit", "client-registration", "refresh-token", "iss-parameter", "client-id-metadata", "id-jag"]);
    expect(checks.authorization_server!.findings.find((f) => f.id === "pkce-s256")?.fix).toMatch(/S256/);
  });

  it("fails a 401 without a challenge and metadata that names the wrong resource and no authorization server", async () => {
    fixture = await startMcpFixture({
      auth: (token) => (token ? "invalid" : "missing"),
      challenge: () => undefined,
      documents: { "/.well-known/oauth-protected-resource": { resource: "https://elsewhere.example/mcp" } },
    });
    const checks = await checksOf(fixture.url());
    expect(checks.auth_challenge).toMatchObject({ verdict: "fail", facts: { authRequired: true, wwwAuthenticate: false } });
    expect(failed(checks.auth_challenge!)).toEqual(["www-authenticate", "resource-metadata", "scope"]);
    expect(checks.protected_resource).toMatchObject({ verdict: "fail", facts: { resourceMatches: false, authorizationServers: [] } });
    expect(checks.authorization_server).toMatchObject({ verdict: "fail", facts: { found: false } });
    expect(checks.invalid_token).toMatchObject({ verdict: "pass" });
  });

  it("finds OIDC discovery for an issuer with a path when RFC 8414 metadata is absent", async () => {
    const documents: Record<string, unknown> = {};
    fixture = await startMcpFixture({ auth: (t) => (t ? "invalid" : "missing"), documents });
    const issuer = `${fixture.origin}/tenant`;
    documents["/.well-known/oauth-protected-resource/mcp"] = { resource: fixture.url(), authorization_servers: [issuer] };
    documents["/tenant/.well-known/openid-configuration"] = { ...goodMetadata(issuer), issuer };
    const checks = await checksOf(fixture.url());
    expect(checks.authorization_server).toMatchObject({ verdict: "pass", facts: { metadataUrl: `${issuer}/.well-known/openid-configuration` } });
  });

  it("judges every listed authorization server: a second one without PKCE fails the check, naming it", async () => {
    const documents: Record<string, unknown> = {};
    fixture = await startMcpFixture({ auth: (t) => (t ? "invalid" : "missing"), documents });
    const [good, weak, absent] = ["good", "weak", "absent"].map((p) => `${fixture!.origin}/${p}`) as [string, string, string];
    documents["/.well-known/oauth-protected-resource/mcp"] = { resource: fixture.url(), authorization_servers: [good, weak] };
    documents["/.well-known/oauth-authorization-server/good"] = goodMetadata(good);
    documents["/.well-known/oauth-authorization-server/weak"] = { ...goodMetadata(weak), code_challenge_methods_supported: ["plain"] };
    const checks = await checksOf(fixture.url());
    expect(checks.authorization_server).toMatchObject({
      verdict: "fail",
      facts: { issuer: good, pkceS256: true, issuers: [{ issuer: good, found: true, verdict: "pass" }, { issuer: weak, found: true, verdict: "fail" }] },
    });
    expect(failed(checks.authorization_server!)).toEqual(["other-issuers"]);
    expect(checks.authorization_server!.findings.find((f) => f.id === "other-issuers")!.message).toContain(`${weak} (pkce-s256)`);

    documents["/.well-known/oauth-protected-resource/mcp"] = { resource: fixture.url(), authorization_servers: [good, absent] };
    const withAbsent = await checksOf(fixture.url());
    expect(withAbsent.authorization_server!.findings.find((f) => f.id === "other-issuers")).toMatchObject({ ok: false, message: expect.stringContaining(`${absent} (no metadata)`) });

    documents["/.well-known/oauth-protected-resource/mcp"] = { resource: fixture.url(), authorization_servers: [good, `${fixture.origin}/good2`] };
    documents["/.well-known/oauth-authorization-server/good2"] = goodMetadata(`${fixture.origin}/good2`);
    const allGood = await checksOf(fixture.url());
    expect(allGood.authorization_server).toMatchObject({ verdict: "pass" });
    expect(allGood.authorization_server!.findings.find((f) => f.id === "other-issuers")).toMatchObject({ ok: true });
  });

  it("fails a server that accepts a garbage token and one that ignores a bogus protocol version", async () => {
    fixture = await startMcpFixture({
      auth: (token) => (token ? "ok" : "missing"),
      intercept: (req, res) => {
        if (req.headers["mcp-protocol-version"] !== "1999-01-01") return false;
        res.writeHead(200, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","id":"x","result":{}}');
        return true;
      },
    });
    const checks = await checksOf(fixture.url(), { credential: { kind: "bearer", tokenSecret: "T" }, secrets: { get: () => "a-valid-looking-token" } });
    expect(checks.invalid_token).toMatchObject({ verdict: "fail", facts: { status: 200 } });
    expect(checks.protocol_version).toMatchObject({ verdict: "fail", facts: { status: 200 } });
  });

  it("makes the auth checks without the caller's headers, which may carry an API key", async () => {
    fixture = await startMcpFixture({
      intercept: (req, res) => {
        if (req.headers["x-api-key"] === "key-123") return false;
        res.writeHead(401, { "www-authenticate": 'Bearer resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"' }).end();
        return true;
      },
    });
    const result = await runProbe(probeOptions(fixture.url(), { headers: { "X-Api-Key": "key-123" }, checks: ["auth_challenge", "protocol_version"] }));
    expect(result.steps.find((s) => s.name === "initialize")?.outcome.kind).toBe("ok");
    const checks = Object.fromEntries(result.steps.filter((s) => s.check).map((s) => [s.check!.check, s.check!]));
    expect(checks.auth_challenge).toMatchObject({ facts: { authRequired: true, status: 401 } });
    expect(checks.protocol_version).toMatchObject({ verdict: "pass", facts: { status: 400 } });
  });

  it("says not applicable, not failed, for a server without auth", async () => {
    fixture = await startMcpFixture();
    const checks = await checksOf(fixture.url());
    for (const name of ["auth_challenge", "invalid_token", "protected_resource", "authorization_server", "server_card"]) expect(checks[name]!.verdict).toBe("not_applicable");
  });

  it("compares the registry's server.json with what the server says", async () => {
    const documents: Record<string, unknown> = {};
    fixture = await startMcpFixture({ documents, serverVersion: "2.0.0" });
    documents["/server.json"] = { name: "io.example/fixture", version: "2.0.0", remotes: [{ type: "streamable-http", url: fixture.url() }], tools: [{ name: "echo" }, { name: "fail" }, { name: "reject" }, { name: "slow" }] };
    documents["/stale.json"] = { name: "io.example/fixture", version: "1.0.0", remotes: [{ type: "streamable-http", url: "https://old.example/mcp" }] };
    const good = await checksOf(fixture.url(), { registry: { serverJsonUrl: `${fixture.origin}/server.json` } });
    expect(good.server_card).toMatchObject({ verdict: "pass", facts: { endpointListed: true, versionMatches: true, toolsMatch: true } });
    const stale = await checksOf(fixture.url(), { registry: { serverJsonUrl: `${fixture.origin}/stale.json` } });
    expect(stale.server_card).toMatchObject({ verdict: "fail", facts: { endpointListed: false, versionMatches: false } });
    const missing = await checksOf(fixture.url(), { registry: { serverJsonUrl: `${fixture.origin}/nowhere.json` } });
    expect(missing.server_card).toMatchObject({ verdict: "fail", facts: { present: false } });
  });
});
