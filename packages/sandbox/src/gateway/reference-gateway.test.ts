import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { credentialHeaders } from "../testing/credential-headers";
import { testEntry } from "../testing/entries";
import { outcomeOf, rawCall } from "../testing/raw-call";

const quiet = { failureScale: 0, rateLimit: null };
const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*hello*" } }, { type: "divider" }];
const entries = [
  testEntry({ id: "verify", profile: "oauth-standard", overrides: { ...quiet, gateway: { errorRate: 0 } } }),
  testEntry({ id: "ignore", profile: "gateway-overprivileged", overrides: { ...quiet, gateway: { errorRate: 0 } } }),
  testEntry({ id: "reject", profile: "gateway-blocked", overrides: quiet }),
  testEntry({ id: "chat", profile: "chat-structured-blocks", category: "communication", overrides: { ...quiet, gateway: { structuredArgsMangleRate: 0.3, errorRate: 0 } } }),
  testEntry({ id: "keyed", profile: "api-key-basic", overrides: { ...quiet, gateway: { errorRate: 0.25 } } }),
  testEntry({ id: "open", profile: "open-with-writes", overrides: { ...quiet, gateway: { errorRate: 0 } } }),
];
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: entries, seed: 8, latencyScale: 0 });
});
afterAll(() => sandbox.close());

async function headersFor(id: string, path: "direct" | "gateway") {
  return credentialHeaders(sandbox.targetFor(id, path).credential, sandbox.secrets);
}

async function toolNames(id: string, path: "direct" | "gateway"): Promise<string[] | number> {
  const answer = await rawCall(sandbox.targetFor(id, path).url, "tools/list", {}, await headersFor(id, path));
  if (answer.kind !== "http" || answer.status !== 200) return answer.kind === "http" ? answer.status : -1;
  return (answer.json as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name);
}

describe("the reference gateway", () => {
  it("authenticates its caller with its own authorization server", async () => {
    const answer = await rawCall(sandbox.targetFor("verify", "gateway").url, "tools/list", {}, {});
    expect(answer.kind === "http" && answer.status).toBe(401);
    const challenge = answer.kind === "http" ? answer.headers.get("www-authenticate")! : "";
    const prm = await (await fetch(/resource_metadata="([^"]+)"/.exec(challenge)![1]!)).json();
    expect(prm).toMatchObject({ resource: sandbox.targetFor("verify", "gateway").url, authorization_servers: [`${sandbox.baseUrl}/g/auth`] });
    expect((await fetch(`${sandbox.baseUrl}/.well-known/oauth-authorization-server/g/auth`)).status).toBe(200);
  });

  it("serves a real MCP session to the SDK client", async () => {
    const client = new Client({ name: "gateway-test", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(sandbox.targetFor("verify", "gateway").url), { requestInit: { headers: await headersFor("verify", "gateway") } }));
    const result = await client.callTool({ name: "list_deals", arguments: { limit: 2 } });
    expect(result.isError).toBeFalsy();
    await client.close();
  });

  it("propagates the caller's scope as signed claims: honoured, ignored, or refused", async () => {
    const direct = (await toolNames("verify", "direct")) as string[];
    expect(direct).toContain("create_deal");
    // the caller holds mcp:read only: a verifying service shows it read tools only
    const verified = (await toolNames("verify", "gateway")) as string[];
    expect(verified.length).toBeGreaterThan(0);
    expect(verified.some((n) => n.startsWith("create_"))).toBe(false);
    // an ignoring service runs with the gateway's broad rights: the write tools come back
    expect(await toolNames("ignore", "gateway")).toContain("create_deal");
    // a refusing service locks gateway callers out
    const refused = await rawCall(sandbox.targetFor("reject", "gateway").url, "tools/list", {}, await headersFor("reject", "gateway"));
    expect(refused.kind === "http" && refused.status).toBe(403);
    expect(outcomeOf(refused)).toBe("auth_forbidden");
    expect(await toolNames("reject", "direct")).toContain("list_deals");
    // a service without authentication still receives (and verifies) the claims
    expect((await toolNames("open", "gateway")) as string[]).not.toContain("create_deal");
  });

  it("forwards with its own credential: the caller's token means nothing to the service", async () => {
    const callerHeaders = await headersFor("verify", "gateway");
    const answer = await rawCall(sandbox.targetFor("verify", "direct").url, "tools/list", {}, callerHeaders);
    expect(answer.kind === "http" && answer.status).toBe(401);
    const spoofed = await rawCall(sandbox.targetFor("verify", "direct").url, "tools/list", {}, { ...(await headersFor("verify", "direct")), "x-kensa-gateway-claims": "forged" });
    expect(spoofed.kind === "http" && spoofed.status).toBe(200); // a direct credential is direct traffic, whatever headers say
  });

  it("flattens structured arguments at its profile rate: invalid_input grows behind it, not direct", async () => {
    const count = async (path: "direct" | "gateway") => {
      const target = sandbox.targetFor("chat", path);
      const headers = await headersFor("chat", path);
      let invalid = 0;
      for (let i = 0; i < 200; i++) if (outcomeOf(await rawCall(target.url, "tools/call", { name: "render_blocks", arguments: { blocks } }, headers)) === "invalid_input") invalid += 1;
      return invalid;
    };
    expect(await count("direct")).toBe(0);
    const behind = await count("gateway");
    const sigma = Math.sqrt(200 * 0.3 * 0.7);
    expect(Math.abs(behind - 60)).toBeLessThan(4.5 * sigma);
    const flat = await rawCall(sandbox.targetFor("chat", "gateway").url, "tools/call", { name: "list_channels", arguments: { limit: 1 } }, await headersFor("chat", "gateway"));
    expect(outcomeOf(flat)).toBe("ok"); // flat arguments pass through untouched
  });

  it("fails on its own with 502s that carry its Via header", async () => {
    const target = sandbox.targetFor("keyed", "gateway");
    const headers = await headersFor("keyed", "gateway");
    const answers = await Promise.all(Array.from({ length: 40 }, () => rawCall(target.url, "tools/call", { name: "list_deals", arguments: {} }, headers)));
    const bad = answers.filter((a) => a.kind === "http" && a.status === 502);
    expect(bad.length).toBeGreaterThan(2);
    expect(bad.length).toBeLessThan(25);
    for (const a of bad) if (a.kind === "http") expect(a.headers.get("via")).toBe("1.1 kensa-gateway");
    expect(outcomeOf(bad[0]!)).toBe("gateway_error");
  });

  it("publishes the key its claims are signed with", async () => {
    const jwks = (await (await fetch(`${sandbox.baseUrl}/g/.well-known/jwks.json`)).json()) as { keys: { kty: string; crv: string; alg: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
  });
});
