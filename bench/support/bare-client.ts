// The physical limit of a sweep: a bare MCP SDK client — the v2 client Kensa's prober is built on, negotiating
// the era as Kensa does (server/discover, then initialize) — making the same calls as a Kensa probe: the
// handshake, tools/list, the catalogue's calls, and plain requests for the readiness checks' documents and
// challenges — with no bounds, no evidence, no classification and no storage. Failures are ignored.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { CatalogueEntry } from "@kensa/core";
import type { Sandbox } from "@kensa/sandbox";

const rpc = (id: string, method: string, params: unknown = {}) => JSON.stringify({ jsonrpc: "2.0", id, method, params });
const jsonRpcHeaders = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const initialize = rpc("bare-1", "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bare", version: "1" } });

async function drain(url: string, init: RequestInit = {}, timeoutMs = 5_000): Promise<unknown> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await r.text();
    return r.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  } catch {
    return undefined;
  }
}

/** The protocol part: what any MCP client does to use the server. */
export async function bareCalls(url: string, headers: Record<string, string>, entry: CatalogueEntry, timeoutMs: number, rounds = 1): Promise<void> {
  const client = new Client({ name: "bare-sdk", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  // The same per-request bound as Kensa's, so a hanging server costs both the same wait.
  const options = { timeout: timeoutMs };
  try {
    await client.connect(transport, options);
    // Every page of the tool list, as Kensa reads it (the sandbox pages long lists).
    let cursor: string | undefined;
    do cursor = (await client.listTools(cursor ? { cursor } : {}, { ...options, cacheMode: "refresh" })).nextCursor;
    while (cursor);
    for (let round = 0; round < rounds; round++) {
      for (const call of entry.calls) await client.callTool({ name: call.tool, arguments: call.arguments ?? {} }, options).catch(() => undefined);
    }
  } catch {
    // A refused or failing server is the same cost to a bare client: it stops here.
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The readiness checks' exchanges as plain requests: 401 challenge, bad token, RFC 9728/8414 documents, protocol version, server card. */
export async function bareChecks(sandbox: Sandbox, entry: CatalogueEntry, timeoutMs: number): Promise<void> {
  const target = sandbox.targetFor(entry.id, "direct");
  await drain(target.url, { method: "POST", headers: jsonRpcHeaders, body: initialize }, timeoutMs);
  await drain(target.url, { method: "POST", headers: { ...jsonRpcHeaders, authorization: "Bearer not-a-real-token" }, body: initialize }, timeoutMs);
  const prm = (await drain(target.resourceMetadataUrl)) as { authorization_servers?: string[] } | undefined;
  const issuer = prm?.authorization_servers?.[0];
  if (issuer) {
    const u = new URL(issuer);
    await drain(`${u.origin}/.well-known/oauth-authorization-server${u.pathname.replace(/\/$/, "")}`);
  }
  await drain(target.url, { method: "POST", headers: { ...jsonRpcHeaders, ...sandbox.requestHeadersFor(entry.id, "direct"), "mcp-protocol-version": "1999-01-01" }, body: rpc("bare-2", "ping") }, timeoutMs);
  if (target.serverJsonUrl) await drain(target.serverJsonUrl);
}

export async function bareProbe(sandbox: Sandbox, entry: CatalogueEntry, withChecks: boolean, timeoutMs: number): Promise<void> {
  const target = sandbox.targetFor(entry.id, "direct");
  await bareCalls(target.url, sandbox.requestHeadersFor(entry.id, "direct"), entry, timeoutMs);
  if (withChecks) await bareChecks(sandbox, entry, timeoutMs);
}
