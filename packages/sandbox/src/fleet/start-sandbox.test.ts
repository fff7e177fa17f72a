import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, type Catalogue } from "@kensa/catalogue";
import { isKensaError } from "@kensa/core";
import { startSandbox, type Sandbox } from "./start-sandbox";
import { credentialHeaders } from "../testing/credential-headers";
import { testEntry } from "../testing/entries";
import { outcomeOf, rawCall } from "../testing/raw-call";

let catalogue: Catalogue;
let sandbox: Sandbox;
let startMs: number;

beforeAll(async () => {
  catalogue = await loadCatalogue();
  const started = performance.now();
  sandbox = await startSandbox({ catalogue: catalogue.entries, seed: 11, latencyScale: 0, hangMs: 20 });
  startMs = performance.now() - started;
});
afterAll(() => sandbox.close());

async function connect(serviceId: string, path: "direct" | "gateway" = "direct") {
  const target = sandbox.targetFor(serviceId, path);
  const headers = await credentialHeaders(target.credential, sandbox.secrets);
  // The v2 client negotiates the era: server/discover first, initialize where the service serves only that.
  const client = new Client({ name: "kensa-sandbox-test", version: "0" }, { versionNegotiation: { mode: "auto" } });
  await client.connect(new StreamableHTTPClientTransport(new URL(target.url), { requestInit: { headers } }));
  return client;
}

describe("the fleet", () => {
  it("serves all 225 catalogued services from one process and port, started in seconds", async () => {
    expect(sandbox.serviceIds).toHaveLength(225);
    expect(startMs).toBeLessThan(10_000); // generous: a hang guard, the real figure is tens of ms
    const seen: string[] = [];
    const ids = [...sandbox.serviceIds];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
          const client = await connect(id);
          const { tools } = await client.listTools();
          expect(tools.length, id).toBeGreaterThan(0);
          expect(client.getServerVersion()?.name).toBe(`${id}-mcp`);
          await client.close();
          seen.push(id);
        }
      }),
    );
    expect(new Set(seen).size).toBe(225);
    expect(new Set(sandbox.serviceIds.map((id) => new URL(sandbox.targetFor(id, "direct").url).port)).size).toBe(1);
  });

  it("answers every catalogued call of every service with its schema satisfied", async () => {
    const failures: string[] = [];
    for (const entry of catalogue.entries) {
      const target = sandbox.targetFor(entry.id, "direct");
      const headers = await credentialHeaders(target.credential, sandbox.secrets);
      for (const call of entry.calls) {
        const answer = await rawCall(target.url, "tools/call", { name: call.tool, arguments: call.arguments }, headers);
        // injected failures are the profile's business; the SDK's own -32602 means the catalogue and the tools disagree
        if (answer.kind === "http" && /Input validation error|Tool \S+ not found/i.test(answer.text)) failures.push(`${entry.id}.${call.tool}: ${answer.text.slice(0, 200)}`);
        if (answer.kind === "http" && answer.status === 200) expect(outcomeOf(answer), `${entry.id}.${call.tool}`).not.toBe("rpc_error");
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("annotates read-only tools and enforces input schemas", async () => {
    const client = await connect("freee");
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "list_deals")?.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === "create_deal")?.annotations?.readOnlyHint).toBe(false);
    expect(tools.find((t) => t.name === "get_deal")?.inputSchema.properties).toHaveProperty("id");
    const bad = await client.callTool({ name: "get_deal", arguments: { id: "invoice_1" } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toMatch(/-32602|[Ii]nvalid/);
    const missing = await client.callTool({ name: "get_deal", arguments: { id: "deal_999" } });
    expect(missing.isError).toBe(true);
    expect(missing.structuredContent).toMatchObject({ error: { class: "not_found" } });
    await client.close();
  });

  it("hands out the credentials the catalogue names, and nothing else", async () => {
    expect(await sandbox.secrets.get("SLACK_REFRESH_TOKEN")).toMatch(/^rt_/);
    expect(await sandbox.secrets.get("FREEE_ACCESS_TOKEN")).toMatch(/^ey/);
    expect(await sandbox.secrets.get("NOT_A_SECRET")).toBeUndefined();
    expect(sandbox.targetFor("slack", "direct").credential).toMatchObject({ kind: "oauth-refresh", tokenUrl: `${sandbox.baseUrl}/s/slack/auth/token` });
    expect(() => sandbox.targetFor("nope", "direct")).toThrow(/no sandbox service/);
  });
});

describe("configuration errors", () => {
  it("refuses two services sharing a secret name", async () => {
    const a = testEntry({ id: "svc-a", profile: "api-key-basic", credential: { kind: "bearer", tokenSecret: "SHARED_KEY" } });
    const b = testEntry({ id: "svc-b", profile: "api-key-basic", credential: { kind: "bearer", tokenSecret: "SHARED_KEY" } });
    const error = await startSandbox({ catalogue: [a, b] }).catch((e: unknown) => e);
    expect(isKensaError(error, "bad_config")).toBe(true);
    expect(String(error)).toMatch(/SHARED_KEY.*svc-a.*svc-b/);
  });

  it("refuses a refresh-token credential on a profile without the refresh grant", async () => {
    const entry = testEntry({ id: "svc-c", profile: "oauth-standard", overrides: { auth: { refreshGrant: false } } });
    await expect(startSandbox({ catalogue: [entry] })).rejects.toThrow(/refresh-token grant/);
  });
});
