import { afterEach, describe, expect, it } from "vitest";
import { classifyRun, type ProbeStepRecord } from "@kensa/core";
import { runProbe } from "../index";
import { startHttpFixture, readBody, type HttpFixture } from "./fixtures/http-fixture";
import { goodMetadata, startOAuthFixture, type OAuthFixture } from "./fixtures/oauth-fixture";
import { call, probeOptions } from "./fixtures/probe-options";

const calls = (steps: ProbeStepRecord[]) => steps.filter((s) => s.kind === "call");
let fixture: OAuthFixture | undefined;
let impostor: HttpFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  await impostor?.close();
  fixture = impostor = undefined;
});

function secrets(f: OAuthFixture & { clientSecret?: string }, extra: Record<string, string> = {}) {
  const values: Record<string, string> = { CLIENT_ID: "kensa-client", CLIENT_SECRET: (f as { clientSecret: string }).clientSecret, REFRESH_TOKEN: f.initialRefreshToken, ...extra };
  return { get: (name: string) => values[name] };
}

describe("OAuth credentials over a multi-round probe with a 30-minute token and 10 minutes per call", () => {
  it("refreshes the token before it expires when refresh is possible: every call succeeds", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 1_800, advancePerCallMs: 600_000 });
    const result = await runProbe(
      probeOptions(fixture.url(), {
        credential: { kind: "oauth-refresh", refreshTokenSecret: "REFRESH_TOKEN", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET" },
        secrets: secrets(fixture),
        calls: [call("echo")],
        rounds: 6,
        clock: fixture.clock,
        checks: "none",
      }),
    );
    expect(calls(result.steps).map((s) => s.outcome.kind)).toEqual(Array(6).fill("ok"));
    expect(calls(result.steps).every((s) => s.credential?.expiredAtSend === false)).toBe(true);
    expect(result.summary.credential).toMatchObject({ mode: "oauth-refresh", expiresInSec: 1_800, refreshes: 1, expiredDuringRun: 0 });
    expect(result.steps.filter((s) => s.name === "oauth/token").map((s) => s.outcome.kind)).toEqual(["ok", "ok"]);
    // The grant was discovered through RFC 9728 → RFC 8414, authenticated with client_secret_basic, and named the resource.
    expect(fixture.grants).toEqual([
      { grant: "refresh_token", resource: fixture.url(), basic: true },
      { grant: "refresh_token", resource: fixture.url(), basic: true },
    ]);
    expect(calls(result.steps)[3]!.credential?.ageSec).toBe(0);
  });

  it("records the calls sent with an expired token when the refresh is refused", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 1_800, advancePerCallMs: 600_000, refreshesAllowed: 1 });
    const result = await runProbe(
      probeOptions(fixture.url(), {
        credential: { kind: "oauth-refresh", refreshTokenSecret: "REFRESH_TOKEN", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET" },
        secrets: secrets(fixture),
        calls: [call("echo")],
        rounds: 5,
        clock: fixture.clock,
        checks: "none",
      }),
    );
    const steps = calls(result.steps);
    expect(steps.slice(0, 3).map((s) => s.outcome.kind)).toEqual(["ok", "ok", "ok"]);
    for (const expired of steps.slice(3)) {
      expect(expired.credential).toMatchObject({ expiredAtSend: true });
      expect(expired.outcome).toMatchObject({ kind: "http-error", status: 401, headers: { "www-authenticate": expect.stringContaining("invalid_token") } });
    }
    const refusals = result.steps.filter((s) => s.name === "oauth/token" && s.outcome.kind !== "ok");
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]!.outcome).toMatchObject({ kind: "http-error", status: 400 });
    expect(result.summary.credential).toMatchObject({ refreshes: 0, expiredDuringRun: 1 });
    // The shared classifier reads the credential fact: auth_expired, decided by code, not a bad credential.
    const classified = calls(classifyRun(result).steps);
    expect(classified.slice(3).map((s) => [s.classification?.errorClass, s.classification?.confidence])).toEqual([["auth_expired", "code"], ["auth_expired", "code"]]);
  });

  it("gets a client-credentials token from the token URL it is given", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 3_600 });
    const result = await runProbe(
      probeOptions(fixture.url(), {
        credential: { kind: "oauth-client-credentials", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET", tokenUrl: `${fixture.origin}/token` },
        secrets: secrets(fixture),
        calls: [call("echo")],
        clock: fixture.clock,
        checks: "none",
      }),
    );
    expect(calls(result.steps)[0]!.outcome.kind).toBe("ok");
    expect(fixture.grants[0]).toMatchObject({ grant: "client_credentials", basic: true });
    expect(fixture.authorizations.at(-1)).toBe(`Bearer ${fixture.issued[0]}`);
  });

  it("knows a static JWT bearer is past its exp, and a missing secret is a configuration error", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 60 });
    const exp = Math.floor(fixture.clock.now() / 1000) - 3_600;
    const jwt = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ iat: exp - 86_400, exp })).toString("base64url")}.`;
    const result = await runProbe(
      probeOptions(fixture.url(), { credential: { kind: "bearer", tokenSecret: "TOKEN" }, secrets: { get: () => jwt }, clock: fixture.clock, checks: "none" }),
    );
    expect(result.steps.find((s) => s.name === "initialize")).toMatchObject({ credential: { expiredAtSend: true, ageSec: 90_000 }, outcome: { kind: "http-error", status: 401 } });
    await expect(runProbe(probeOptions(fixture.url(), { credential: { kind: "bearer", tokenSecret: "NOT_SET" } }))).rejects.toThrow(/secret NOT_SET is not set/);
  });
});

describe("a discovered token endpoint gets no secret unless RFC 9728 and RFC 8414 validate", () => {
  const clientCredentials = { kind: "oauth-client-credentials", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET" } as const;

  it("protected-resource metadata naming another resource: the grant fails unsent and initialize goes out without a token", async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 3_600, resourceMetadata: (origin) => ({ resource: "https://mcp.other-vendor.example/mcp", authorization_servers: [origin] }) });
    const clientSecret = (fixture as unknown as { clientSecret: string }).clientSecret;
    const result = await runProbe(probeOptions(fixture.url(), { credential: clientCredentials, secrets: secrets(fixture), calls: [call("echo")], clock: fixture.clock, checks: "none" }));
    const token = result.steps.filter((s) => s.name === "oauth/token");
    expect(token[0]!.outcome).toMatchObject({ kind: "protocol-violation", violation: "unexpected-response", detail: expect.stringMatching(/^no token request was sent: RFC 9728 §3\.3: .*names resource "https:\/\/mcp\.other-vendor\.example\/mcp", not this endpoint/) });
    expect(token[0]!.excerpt).toMatch(/RFC 9728 §3\.3/);
    expect(fixture.grants).toEqual([]);
    expect(result.steps.map((s) => `${s.name}:${s.outcome.kind}`)).toEqual(["connect:ok", "oauth/token:protocol-violation", "initialize:http-error"]);
    expect(fixture.authorizations).toEqual([undefined]); // initialize went out without a token, and got its 401
    expect(JSON.stringify(result)).not.toContain(clientSecret);
    expect(classifyRun(result).steps.find((s) => s.name === "oauth/token")!.classification).toMatchObject({ errorClass: "protocol_error" });
  });

  it("an authorization server whose metadata claims the vendor's issuer: neither refresh token nor client secret reaches it", async () => {
    const received: string[] = [];
    impostor = await startHttpFixture(async (req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""} ${await readBody(req)}`);
      if (req.method !== "GET" || req.url !== "/.well-known/oauth-authorization-server") return void res.writeHead(404).end();
      // It serves the vendor's issuer, hoping a client will not compare it with where it was found.
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...goodMetadata(fixture!.origin), token_endpoint: `${impostor!.origin}/token` }));
    });
    fixture = await startOAuthFixture({ lifetimeSec: 3_600, resourceMetadata: (origin) => ({ resource: `${origin}/mcp`, authorization_servers: [impostor!.origin] }) });
    const result = await runProbe(
      probeOptions(fixture.url(), {
        credential: { kind: "oauth-refresh", refreshTokenSecret: "REFRESH_TOKEN", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET" },
        secrets: secrets(fixture),
        calls: [call("echo")],
        clock: fixture.clock,
        checks: "none",
      }),
    );
    const token = result.steps.filter((s) => s.name === "oauth/token");
    expect(token).toHaveLength(1);
    expect(token[0]!.outcome).toMatchObject({ kind: "protocol-violation", detail: expect.stringMatching(/RFC 8414 §3\.3: .*declares issuer "http:\/\/127\.0\.0\.1:\d+", but it was discovered for http:\/\/127\.0\.0\.1:\d+/) });
    expect(received).toEqual([expect.stringMatching(/^GET \/\.well-known\/oauth-authorization-server {2}$/)]);
    expect(fixture.grants).toEqual([]);
    const clientSecret = (fixture as unknown as { clientSecret: string }).clientSecret;
    expect(JSON.stringify(result)).not.toContain(clientSecret);
    expect(JSON.stringify(result)).not.toContain(fixture.initialRefreshToken);
  });

  it("the same discovery with honest metadata on another origin does get its grant", async () => {
    impostor = await startHttpFixture(async (req, res) => {
      if (req.url !== "/.well-known/oauth-authorization-server") return void res.writeHead(404).end();
      // Honest: the issuer is where it is served; the token endpoint is the vendor's.
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...goodMetadata(impostor!.origin), token_endpoint: `${fixture!.origin}/token` }));
    });
    fixture = await startOAuthFixture({ lifetimeSec: 3_600, resourceMetadata: (origin) => ({ resource: `${origin}/mcp`, authorization_servers: [impostor!.origin] }) });
    const result = await runProbe(probeOptions(fixture.url(), { credential: clientCredentials, secrets: secrets(fixture), calls: [call("echo")], clock: fixture.clock, checks: "none" }));
    expect(result.steps.filter((s) => s.name === "oauth/token").map((s) => s.outcome.kind)).toEqual(["ok"]);
    expect(calls(result.steps)[0]!.outcome.kind).toBe("ok");
    expect(fixture.grants).toEqual([{ grant: "client_credentials", resource: fixture.url(), basic: true }]);
  });
});

