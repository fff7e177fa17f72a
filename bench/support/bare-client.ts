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
    if (!r.ok) return undefined;
    return r.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  } catch {
    return undefined;
  }
}

const MODERN = "2026-07-28";
const modernMeta = { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientInfo": { name: "bare", version: "1" }, "io.modelcontextprotocol/clientCapabilities": {} };
const modernRpc = (id: string, method: string, params: Record<string, unknown> = {}) => rpc(id, method, { ...params, _meta: modernMeta });
const mirrored = (method: string, name?: string) => ({ "mcp-protocol-version": MODERN, "mcp-method": method, ...(name ? { "mcp-name": name } : {}) });

/** The protocol part: what any MCP client does to use the server. Returns the era it spoke. */
export async function bareCalls(url: string, headers: Record<string, string>, entry: CatalogueEntry, timeoutMs: number, rounds = 1, listTwice = false): Promise<"modern" | "initialize" | undefined> {
  const client = new Client({ name: "bare-sdk", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  // The same per-request bound as Kensa's, so a hanging server costs both the same wait.
  const options = { timeout: timeoutMs };
  let era: "modern" | "initialize" | undefined;
  try {
    await client.connect(transport, options);
    era = client.getProtocolEra() === "modern" ? "modern" : "initialize";
    // Every page of the tool list, as Kensa reads it (the sandbox pages long lists).
    let cursor: string | undefined;
    do cursor = (await client.listTools(cursor ? { cursor } : {}, { ...options, cacheMode: "refresh" })).nextCursor;
    while (cursor);
    for (let round = 0; round < rounds; round++) {
      for (const call of entry.calls) await client.callTool({ name: call.tool, arguments: call.arguments ?? {} }, options).catch(() => undefined);
    }
    // tools_order compares a second list with the first (in the initialize era, inside the session).
    if (listTwice && era === "initialize") await client.listTools({}, { ...options, cacheMode: "refresh" }).catch(() => undefined);
  } catch {
    // A refused or failing server is the same cost to a bare client: it stops here.
  } finally {
    await client.close().catch(() => undefined);
  }
  return era;
}

/**
 * The readiness checks' exchanges as plain requests, in the era the server spoke (Kensa's checks do the same):
 * the 401 challenge and a bad token, the RFC 9728/8414 documents, a bogus protocol version, the server card at
 * the draft's locations and the registry's server.json; in the 2026-07-28 era also the mirrored-header
 * exchanges (one agreeing, three deliberately wrong) and the second tools/list of the order check.
 */
export async function bareChecks(sandbox: Sandbox, entry: CatalogueEntry, timeoutMs: number, era: "modern" | "initialize" | undefined): Promise<void> {
  const target = sandbox.targetFor(entry.id, "direct");
  const session = sandbox.requestHeadersFor(entry.id, "direct");
  const modern = era === "modern";
  const post = (body: string, headers: Record<string, string>) => drain(target.url, { method: "POST", headers: { ...jsonRpcHeaders, ...headers }, body }, timeoutMs);
  const first = modern ? modernRpc("bare-1", "tools/list") : initialize;
  const firstHeaders = modern ? mirrored("tools/list") : {};
  await post(first, firstHeaders);
  await post(first, { ...firstHeaders, authorization: "Bearer not-a-real-token" });
  const prm = ((await drain(target.resourceMetadataUrl)) ?? (await drain(`${new URL(target.url).origin}/.well-known/oauth-protected-resource`))) as { authorization_servers?: string[] } | undefined;
  const issuer = prm?.authorization_servers?.[0];
  if (issuer) {
    const u = new URL(issuer);
    await drain(`${u.origin}/.well-known/oauth-authorization-server${u.pathname.replace(/\/$/, "")}`);
  }
  if (modern) await post(rpc("bare-2", "tools/list", { _meta: { ...modernMeta, "io.modelcontextprotocol/protocolVersion": "1999-01-01" } }), { ...session, ...mirrored("tools/list"), "mcp-protocol-version": "1999-01-01" });
  else await post(rpc("bare-2", "ping"), { ...session, "mcp-protocol-version": "1999-01-01" });
  const origin = new URL(target.url).origin;
  await drain(`${origin}/.well-known/mcp/server-card.json`);
  if (target.serverJsonUrl) await drain(target.serverJsonUrl);
  if (!modern) return;
  const list = modernRpc("bare-3", "tools/list");
  await post(list, { ...session, ...mirrored("tools/list") });
  await post(list, { ...session, ...mirrored("prompts/list") });
  await post(modernRpc("bare-4", "tools/call", { name: "bare-ghost", arguments: {} }), { ...session, ...mirrored("tools/call", "bare-ghost-other") });
  const { "mcp-method": _omitted, ...withoutMethod } = mirrored("tools/list");
  await post(list, { ...session, ...withoutMethod });
  await post(list, { ...session, ...mirrored("tools/list") });
  await drain(`${origin}/.well-known/mcp/server-card`);
}

export async function bareProbe(sandbox: Sandbox, entry: CatalogueEntry, withChecks: boolean, timeoutMs: number): Promise<void> {
  const target = sandbox.targetFor(entry.id, "direct");
  const era = await bareCalls(target.url, sandbox.requestHeadersFor(entry.id, "direct"), entry, timeoutMs, 1, withChecks);
  if (withChecks) await bareChecks(sandbox, entry, timeoutMs, era);
}
