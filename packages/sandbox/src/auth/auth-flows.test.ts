import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { credentialHeaders, tokenFor } from "../testing/credential-headers";
import { testEntry } from "../testing/entries";
import { rawCall } from "../testing/raw-call";

const clock = new ControllableClock({ speed: 0 });
const quiet = { failureScale: 0, rateLimit: null };
const entries = [
  testEntry({ id: "solid", profile: "oauth-solid", overrides: quiet }),
  testEntry({ id: "legacy", profile: "oauth-legacy", overrides: quiet }),
  testEntry({ id: "broken", profile: "oauth-misconfigured", overrides: quiet }),
  testEntry({ id: "sso", profile: "enterprise-sso", overrides: quiet, credential: { kind: "oauth-client-credentials", clientIdSecret: "SSO_ID", clientSecretSecret: "SSO_SECRET" } }),
  testEntry({ id: "exemplary", profile: "oauth-exemplary", overrides: quiet, credential: { kind: "oauth-client-credentials", clientIdSecret: "EX_ID", clientSecretSecret: "EX_SECRET", scope: "mcp:read" } }),
  testEntry({ id: "daily", profile: "oauth-day-token", overrides: quiet }),
  testEntry({ id: "keyed", profile: "api-key-basic", overrides: quiet }),
];
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: entries, seed: 5, latencyScale: 0, clock });
});
afterAll(() => sandbox.close());

const get = async (path: string) => {
  const res = await fetch(`${sandbox.baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const list = (id: string, headers: Record<string, string>) => rawCall(sandbox.targetFor(id, "direct").url, "tools/list", {}, headers);
const status = (a: Awaited<ReturnType<typeof rawCall>>) => (a.kind === "http" ? a.status : a.kind);

describe("challenges and metadata, as each profile prescribes", () => {
  it("a solid server: 401 with resource_metadata, RFC 9728 + RFC 8414 documents that agree", async () => {
    const answer = await list("solid", {});
    expect(status(answer)).toBe(401);
    const challenge = answer.kind === "http" ? answer.headers.get("www-authenticate")! : "";
    const prmUrl = /resource_metadata="([^"]+)"/.exec(challenge)![1]!;
    expect(prmUrl).toBe(`${sandbox.baseUrl}/.well-known/oauth-protected-resource/s/solid/mcp`);
    const prm = await get(new URL(prmUrl).pathname);
    expect(prm.body).toMatchObject({ resource: sandbox.targetFor("solid", "direct").url, authorization_servers: [`${sandbox.baseUrl}/s/solid/auth`] });
    const as = await get("/.well-known/oauth-authorization-server/s/solid/auth");
    expect(as.body).toMatchObject({ issuer: `${sandbox.baseUrl}/s/solid/auth`, code_challenge_methods_supported: ["S256"], response_types_supported: ["code"] });
    expect(as.body.grant_types_supported).toEqual(expect.arrayContaining(["refresh_token", "client_credentials"]));
    expect(as.body.registration_endpoint).toBeDefined();
    expect((await get("/.well-known/openid-configuration/s/solid/auth")).status).toBe(404);
  });

  it("a legacy server: bare challenge, no protected-resource metadata, implicit grant, no PKCE", async () => {
    const answer = await list("legacy", {});
    expect(answer.kind === "http" && answer.headers.get("www-authenticate")).toBe('Bearer realm="legacy"');
    expect((await get("/.well-known/oauth-protected-resource/s/legacy/mcp")).status).toBe(404);
    const as = (await get("/.well-known/oauth-authorization-server/s/legacy/auth")).body;
    expect(as.response_types_supported).toContain("token");
    expect(as.grant_types_supported).toContain("implicit");
    expect(as.code_challenge_methods_supported).toBeUndefined();
  });

  it("a misconfigured server: resource mismatch, plain PKCE, and a garbage token let in", async () => {
    expect((await get("/.well-known/oauth-protected-resource/s/broken/mcp")).body.resource).toBe(`${sandbox.baseUrl}/mcp`);
    expect((await get("/.well-known/oauth-authorization-server/s/broken/auth")).body.code_challenge_methods_supported).toEqual(["plain"]);
    expect(status(await list("broken", { authorization: "Bearer garbage" }))).toBe(200);
    const solid = await list("solid", { authorization: "Bearer garbage" });
    expect(status(solid)).toBe(401);
    expect(solid.kind === "http" && solid.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
  });

  it("an SSO server: OIDC discovery in both forms, Client ID Metadata Documents and the ID-JAG profile", async () => {
    const inserted = (await get("/.well-known/openid-configuration/s/sso/auth")).body;
    const appended = (await get("/s/sso/auth/.well-known/openid-configuration")).body;
    expect(inserted).toEqual(appended);
    expect(inserted).toMatchObject({ client_id_metadata_document_supported: true, authorization_grant_profiles_supported: ["urn:ietf:params:oauth:grant-profile:id-jag"] });
    const form = new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: sandbox.mintIdJag("sso", "alice@example.co.jp") });
    const res = await fetch(`${sandbox.baseUrl}/s/sso/auth/token`, { method: "POST", body: form });
    const token = (await res.json()) as { access_token: string };
    expect(res.status).toBe(200);
    expect(status(await list("sso", { authorization: `Bearer ${token.access_token}` }))).toBe(200);
    const forged = new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: sandbox.mintIdJag("solid", "alice") });
    expect((await fetch(`${sandbox.baseUrl}/s/sso/auth/token`, { method: "POST", body: forged })).status).toBe(400);
  });

  it("an API-key server: the key in its header works, anything else is refused", async () => {
    const headers = await credentialHeaders(sandbox.targetFor("keyed", "direct").credential, sandbox.secrets);
    expect(Object.keys(headers)).toEqual(["X-API-Key"]);
    expect(status(await list("keyed", headers))).toBe(200);
    expect(status(await list("keyed", { "X-API-Key": "sk_wrong" }))).toBe(401);
    expect((await get("/.well-known/oauth-protected-resource/s/keyed/mcp")).status).toBe(404);
  });
});

describe("grants and token lifetimes under the shared clock", () => {
  it("client credentials: the token works until its lifetime runs out, then 401 says it expired", async () => {
    const target = sandbox.targetFor("exemplary", "direct");
    const token = await tokenFor(target.credential, sandbox.secrets);
    expect(token!.expiresIn).toBe(1800);
    expect(status(await list("exemplary", { authorization: `Bearer ${token!.token}` }))).toBe(200);
    clock.advance(1_800_000);
    const expired = await list("exemplary", { authorization: `Bearer ${token!.token}` });
    expect(status(expired)).toBe(401);
    expect(expired.kind === "http" && expired.headers.get("www-authenticate")).toMatch(/error="invalid_token", error_description="The access token expired"/);
    const again = await tokenFor(target.credential, sandbox.secrets);
    expect(status(await list("exemplary", { authorization: `Bearer ${again!.token}` }))).toBe(200);
  });

  it("refresh tokens: reusable, bound to their client", async () => {
    const target = sandbox.targetFor("solid", "direct");
    const first = await tokenFor(target.credential, sandbox.secrets);
    const second = await tokenFor(target.credential, sandbox.secrets);
    expect(first!.token).not.toBe(second!.token);
    const stolen = new URLSearchParams({ grant_type: "refresh_token", refresh_token: (await sandbox.secrets.get("SOLID_REFRESH_TOKEN"))!, client_id: "someone-else" });
    expect((await fetch(target.credential.kind === "oauth-refresh" ? target.credential.tokenUrl! : "", { method: "POST", body: stolen })).status).toBe(401);
  });

  it("a 24-hour static token expires mid-batch and comes back after the manual renewal lag", async () => {
    const token0 = (await sandbox.secrets.get("DAILY_ACCESS_TOKEN"))!;
    expect(status(await list("daily", { authorization: `Bearer ${token0}` }))).toBe(200);
    clock.advance(86_400_000 - 1_800_000 - 60_000); // 23h59m since the fleet started (the clock moved 30 min above)
    expect(status(await list("daily", { authorization: `Bearer ${token0}` }))).toBe(200);
    clock.advance(60_000);
    expect(status(await list("daily", { authorization: `Bearer ${token0}` }))).toBe(401);
    expect(await sandbox.secrets.get("DAILY_ACCESS_TOKEN")).toBe(token0); // nobody has renewed it yet
    clock.advance(1_800_000);
    const token1 = (await sandbox.secrets.get("DAILY_ACCESS_TOKEN"))!;
    expect(token1).not.toBe(token0);
    expect(status(await list("daily", { authorization: `Bearer ${token1}` }))).toBe(200);
    expect((await get("/.well-known/oauth-authorization-server/s/daily/auth")).body.grant_types_supported).toEqual(["authorization_code"]);
  });

  it("authorization code with PKCE S256 after dynamic client registration", async () => {
    const reg = await fetch(`${sandbox.baseUrl}/s/solid/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: ["http://127.0.0.1:9/cb"], token_endpoint_auth_method: "none" }) });
    expect(reg.status).toBe(201);
    const { client_id } = (await reg.json()) as { client_id: string };
    const verifier = "a-verifier-long-enough-to-be-a-real-pkce-verifier-0123456789";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const authorize = `${sandbox.baseUrl}/s/solid/auth/authorize?${new URLSearchParams({ response_type: "code", client_id, redirect_uri: "http://127.0.0.1:9/cb", code_challenge: challenge, code_challenge_method: "S256", state: "xyz" })}`;
    const redirect = await fetch(authorize, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get("location")!);
    expect(back.searchParams.get("state")).toBe("xyz");
    const exchange = (code_verifier: string) =>
      fetch(`${sandbox.baseUrl}/s/solid/auth/token`, { method: "POST", body: new URLSearchParams({ grant_type: "authorization_code", code: back.searchParams.get("code")!, redirect_uri: "http://127.0.0.1:9/cb", client_id, code_verifier }) });
    const wrong = await exchange("not-the-verifier");
    expect(wrong.status).toBe(400);
    // a failed exchange burns the code, as RFC 6749 wants: start again with the right verifier
    const redirect2 = await fetch(authorize, { redirect: "manual" });
    back.search = new URL(redirect2.headers.get("location")!).search;
    const right = await exchange(verifier);
    const body = (await right.json()) as { access_token: string; refresh_token: string };
    expect(right.status).toBe(200);
    expect(body.refresh_token).toBeDefined();
    expect(status(await list("solid", { authorization: `Bearer ${body.access_token}` }))).toBe(200);
  });
});
