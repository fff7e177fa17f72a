// The hostile-target table: one fixture server per attack, what the catalogue asks of it, and how the worker
// must record it. Every server binds 127.0.0.1 on an ephemeral port; nothing here leaves the machine.
import type http from "node:http";
import type { CredentialSpec, ErrorClass } from "@kensa/core";
import { hostileAnswers, startHttpFixture, startMcpFixture, type McpFixture } from "@kensa/probe/testing";
import { extraAnswers } from "./fixtures/extra-answers";
import { startHeaderFloodServer, startResettingServer, startSelfSignedTlsServer, startSilentServer, type RawTarget } from "./fixtures/raw-servers";
import { agentBaitTools, baitResult, manyTools } from "./fixtures/tool-lists";

export interface ServedTarget {
  url: string;
  /** The MCP fixture behind it, when there is one (what it was asked is evidence too). */
  fixture?: McpFixture;
  /** Bodies of every request the fixture received, for cases that check what Kensa sent. */
  received: string[];
  close(): Promise<void>;
}

export type Expectation =
  | { step: string; errorClass: ErrorClass; outcome: Record<string, unknown> }
  | { step: string; ok: true };

export interface HostileCase {
  id: string;
  attack: string;
  /** The catalogue's tools/call names for this service, in order. */
  calls: string[];
  credential?: CredentialSpec;
  /** The catalogue's transport for the service (default streamable-http). */
  transport?: "sse";
  secrets?: Record<string, string>;
  serve(): Promise<ServedTarget>;
  expect: Expectation;
  /** Wall time from enqueue to an idle worker, on this 2-core machine with the suite's limits. */
  boundMs: number;
  /** Further evidence to demand of the stored run; returns problems (empty = fine). */
  verify?(stored: StoredRunView, target: ServedTarget): string[];
}

export interface StoredRunView {
  summaryJson: string;
  stepsJson: string;
  toolsCount: number | undefined;
  toolNames: string[];
}

// The suite's probe bounds: production shapes, shorter clocks so the whole table runs in about a minute.
export const hostileLimits = { connectTimeoutMs: 2_000, requestTimeoutMs: 2_000, maxStreamMs: 1_500, deadlineMs: 30_000 };
const quick = 6_000;
const timed = hostileLimits.requestTimeoutMs + 6_000;

type Intercept = (req: http.IncomingMessage, res: http.ServerResponse, rpc: { method?: string; name?: string; id?: unknown }) => boolean;

async function mcp(intercept: Intercept): Promise<ServedTarget> {
  const received: string[] = [];
  const fixture = await startMcpFixture({
    jsonResponse: true,
    intercept: (req, res, rpc) => {
      received.push(JSON.stringify(rpc));
      return intercept(req, res, rpc);
    },
  });
  return { url: fixture.url(), fixture, received, close: () => fixture.close() };
}

/** tools/call <name> answered by a hostile answer; everything else by the real SDK server. */
function onCall(name: string, answer: (res: http.ServerResponse, rpc: { id?: unknown }, port: number) => void) {
  return () => {
    let port = 0;
    return mcp((_req, res, rpc) => {
      port = res.socket?.localPort ?? port;
      if (rpc.method !== "tools/call" || rpc.name !== name) return false;
      answer(res, rpc, port);
      return true;
    });
  };
}

const fromProbe = (name: keyof typeof hostileAnswers) => onCall(name, (res, _rpc, port) => hostileAnswers[name]!(res, { port }));
const fromExtra = (name: keyof typeof extraAnswers) => onCall(name, (res, rpc) => extraAnswers[name]!(res, rpc));

function raw(start: () => Promise<RawTarget>, scheme: "http" | "https" = "http") {
  return async (): Promise<ServedTarget> => {
    const target = await start();
    return { url: target.url("/mcp", scheme), received: [], close: () => target.close() };
  };
}

/** A server that demands auth and publishes metadata steering Kensa's readiness checks somewhere it must not go. */
async function authMetadataServer(options: { challenge?: string; authorizationServer?: (origin: string) => string }): Promise<ServedTarget> {
  let origin = "";
  const fixture = await startMcpFixture({
    auth: () => "missing",
    ...(options.challenge ? { challenge: () => options.challenge } : {}),
    documents: {
      "/.well-known/oauth-protected-resource/mcp": {
        get resource() { return `${origin}/mcp`; },
        get authorization_servers() { return [options.authorizationServer?.(origin) ?? origin]; },
      },
    },
  });
  origin = fixture.origin;
  return { url: fixture.url(), fixture, received: [], close: () => fixture.close() };
}

const violation = (step: string, v: string): Expectation => ({ step, errorClass: "protocol_error", outcome: { kind: "protocol-violation", violation: v } });
const afterCall = (name: string) => [name, "echo"];

export const hostileCases: HostileCase[] = [
  { id: "gigantic-response", attack: "50 MB body on a tools/call", calls: afterCall("huge"), serve: fromProbe("huge"), expect: violation("tools/call:huge", "too-large"), boundMs: quick },
  { id: "endless-stream", attack: "event stream that never answers nor ends", calls: afterCall("endlessSse"), serve: fromProbe("endlessSse"), expect: { step: "tools/call:endlessSse", errorClass: "timeout", outcome: { kind: "timeout", phase: "stream" } }, boundMs: timed },
  { id: "event-flood", attack: "5,000 events at once on one stream", calls: afterCall("eventFlood"), serve: fromExtra("eventFlood"), expect: violation("tools/call:eventFlood", "too-many-events"), boundMs: quick },
  { id: "slow-drip", attack: "1 byte/s of a body claiming 1,000 bytes", calls: afterCall("drip"), serve: fromProbe("drip"), expect: { step: "tools/call:drip", errorClass: "timeout", outcome: { kind: "timeout", phase: "request" } }, boundMs: timed },
  { id: "never-answers", attack: "request accepted, no answer ever", calls: afterCall("neverAnswer"), serve: fromExtra("neverAnswer"), expect: { step: "tools/call:neverAnswer", errorClass: "timeout", outcome: { kind: "timeout" } }, boundMs: timed },
  { id: "malformed-json", attack: "truncated JSON body", calls: afterCall("malformedJson"), serve: fromProbe("malformedJson"), expect: violation("tools/call:malformedJson", "malformed-json"), boundMs: quick },
  { id: "malformed-sse", attack: "event stream carrying non-JSON data", calls: afterCall("malformedSse"), serve: fromProbe("malformedSse"), expect: violation("tools/call:malformedSse", "malformed-json"), boundMs: quick },
  { id: "invalid-jsonrpc", attack: "JSON that is not JSON-RPC 2.0", calls: afterCall("invalidJsonRpc"), serve: fromProbe("invalidJsonRpc"), expect: violation("tools/call:invalidJsonRpc", "invalid-jsonrpc"), boundMs: quick },
  { id: "wrong-id", attack: "answer carries another request's id", calls: afterCall("wrongId"), serve: fromProbe("wrongId"), expect: violation("tools/call:wrongId", "id-mismatch"), boundMs: quick },
  { id: "duplicated-ids-stream", attack: "same id answered twice, plus an answer to nothing", calls: afterCall("duplicateIds"), serve: fromExtra("duplicateIds"), expect: violation("tools/call:duplicateIds", "id-mismatch"), boundMs: quick },
  { id: "duplicated-ids-batch", attack: "two responses with the request's id in one body", calls: afterCall("duplicateIdsBatch"), serve: fromExtra("duplicateIdsBatch"), expect: violation("tools/call:duplicateIdsBatch", "id-mismatch"), boundMs: quick },
  { id: "wrong-content-type", attack: "HTML login page instead of JSON", calls: afterCall("wrongContentType"), serve: fromProbe("wrongContentType"), expect: violation("tools/call:wrongContentType", "bad-content-type"), boundMs: quick },
  { id: "invalid-utf8", attack: "invalid UTF-8 inside a JSON string", calls: afterCall("invalidUtf8"), serve: fromProbe("invalidUtf8"), expect: violation("tools/call:invalidUtf8", "invalid-utf8"), boundMs: quick },
  { id: "deep-json", attack: "10,000 nested arrays", calls: afterCall("deepJson"), serve: fromProbe("deepJson"), expect: violation("tools/call:deepJson", "too-deep"), boundMs: quick },
  { id: "gzip-bomb", attack: "64 MB of zeros gzip-encoded, never asked for", calls: afterCall("gzipBomb"), serve: fromExtra("gzipBomb"), expect: { step: "tools/call:gzipBomb", errorClass: "protocol_error", outcome: { kind: "protocol-violation" } }, boundMs: quick },
  { id: "reset-mid-body", attack: "TCP reset halfway through a body", calls: afterCall("resetMidBody"), serve: fromExtra("resetMidBody"), expect: { step: "tools/call:resetMidBody", errorClass: "network_error", outcome: { kind: "network-error" } }, boundMs: quick },
  { id: "redirect-to-metadata", attack: "307 to 169.254.169.254", calls: afterCall("redirectToMetadata"), serve: fromProbe("redirectToMetadata"), expect: { step: "tools/call:redirectToMetadata", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "redirect-to-private" } }, boundMs: quick },
  { id: "redirect-to-private-name", attack: "307 to a name resolving to loopback", calls: afterCall("redirectToLocalhostName"), serve: fromExtra("redirectToLocalhostName"), expect: { step: "tools/call:redirectToLocalhostName", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "redirect-to-private" } }, boundMs: quick },
  { id: "redirect-loop", attack: "307 to itself, forever", calls: afterCall("redirectLoop"), serve: fromExtra("redirectLoop"), expect: { step: "tools/call:redirectLoop", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "too-many-redirects" } }, boundMs: quick },
  {
    id: "dns-to-private",
    attack: "target named by a DNS name that resolves to loopback",
    calls: ["echo"],
    serve: async () => {
      const served = await mcp(() => false);
      return { ...served, url: served.url.replace("127.0.0.1", "localhost") };
    },
    expect: { step: "connect", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "private-address" } },
    boundMs: quick,
    verify: (_stored, target) => (target.received.length > 0 ? [`the server received ${target.received.length} request(s)`] : []),
  },
  {
    id: "unstorable-bytes",
    attack: "NUL bytes and lone surrogates in names, errors and bodies",
    calls: afterCall("nulBytes"),
    serve: () => mcp((_req, res, rpc) => {
      if (rpc.method === "tools/list") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: { tools: [{ name: "echo\u0000\ud800", inputSchema: { type: "object" } }] } }));
        return true;
      }
      if (rpc.method !== "tools/call" || rpc.name !== "nulBytes") return false;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, error: { code: -32603, message: "internal\u0000error \udc00", data: { "k\u0000": "v\u0000" } } }));
      return true;
    }),
    expect: { step: "tools/call:nulBytes", errorClass: "server_error", outcome: { kind: "rpc-error", code: -32603 } },
    boundMs: quick,
  },
  {
    id: "huge-tool-list",
    attack: "tools/list with 10,000 tools (inside the byte bound)",
    calls: ["echo"],
    serve: () => mcp((_req, res, rpc) => {
      if (rpc.method !== "tools/list") return false;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: { tools: manyTools(10_000) } }));
      return true;
    }),
    expect: { step: "tools/list", ok: true },
    boundMs: quick,
    verify: (stored) => [
      ...(stored.toolsCount === 10_000 ? [] : [`tools count stored as ${stored.toolsCount}, expected 10000`]),
      ...(stored.summaryJson.length <= 64 * 1024 ? [] : [`the stored run summary is ${stored.summaryJson.length} bytes (bound 64 KiB)`]),
    ],
  },
  {
    id: "oversized-tool-list",
    attack: "tools/list with 100,000 tools (over the byte bound)",
    calls: ["echo"],
    serve: () => mcp((_req, res, rpc) => {
      if (rpc.method !== "tools/list") return false;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: { tools: manyTools(100_000) } }));
      return true;
    }),
    expect: violation("tools/list", "too-large"),
    boundMs: quick,
  },
  {
    id: "agent-instructions",
    attack: "tool descriptions and results instructing the agent to exfiltrate and delete",
    calls: ["echo"],
    credential: { kind: "bearer", tokenSecret: "HOSTILE_BAIT_TOKEN" },
    secrets: { HOSTILE_BAIT_TOKEN: "bait-token-5f1c9a7e2b" },
    serve: () => mcp((_req, res, rpc) => {
      const answer = rpc.method === "tools/list" ? { tools: agentBaitTools() } : rpc.method === "tools/call" ? baitResult : undefined;
      if (!answer) return false;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: answer }));
      return true;
    }),
    expect: { step: "tools/call:echo", ok: true },
    boundMs: quick,
    verify: (stored, target) => {
      const problems: string[] = [];
      const called = target.received.map((r) => JSON.parse(r) as { method?: string; name?: string }).filter((r) => r.method === "tools/call").map((r) => r.name);
      if (called.join(",") !== "echo") problems.push(`tools called: ${called.join(",")} (only the catalogue's echo may be)`);
      if (target.received.some((r) => r.includes("bait-token"))) problems.push("the credential appeared in a request body");
      if (`${stored.summaryJson}${stored.stepsJson}`.includes("bait-token")) problems.push("the credential reached storage");
      if (stored.toolsCount !== 4) problems.push(`tools count ${stored.toolsCount}, expected 4`);
      return problems;
    },
  },
  {
    id: "ssrf-via-resource-metadata",
    attack: "401 challenge whose resource_metadata is 169.254.169.254",
    calls: ["echo"],
    serve: () => authMetadataServer({ challenge: 'Bearer resource_metadata="http://169.254.169.254/latest/meta-data/iam/security-credentials/"' }),
    expect: { step: "check:protected_resource", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "private-address" } },
    boundMs: quick,
  },
  {
    id: "ssrf-via-authorization-servers",
    attack: "protected-resource metadata naming an authorization server on a private name",
    calls: ["echo"],
    serve: () => authMetadataServer({ authorizationServer: (origin) => origin.replace("127.0.0.1", "localhost") }),
    expect: { step: "check:authorization_server", errorClass: "blocked_by_policy", outcome: { kind: "blocked", reason: "private-address" } },
    boundMs: quick,
  },
  {
    id: "sse-endpoint-elsewhere",
    attack: "legacy SSE stream naming 169.254.169.254 as its POST endpoint",
    calls: ["echo"],
    transport: "sse",
    serve: async () => {
      const fixture = await startHttpFixture((req, res) => {
        if (req.method !== "GET") return void res.writeHead(405, { allow: "GET" }).end();
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("event: endpoint\ndata: http://169.254.169.254/latest/meta-data/messages?sessionId=1\n\n");
      });
      return { url: fixture.url(), received: [], close: () => fixture.close() };
    },
    // The SDK refuses an endpoint on another origin before sending anything; the guard would refuse it anyway.
    expect: violation("initialize", "unexpected-response"),
    boundMs: quick,
  },
  { id: "connection-reset", attack: "TCP reset on the first request", calls: ["echo"], serve: raw(startResettingServer), expect: { step: "initialize", errorClass: "network_error", outcome: { kind: "network-error", code: "ECONNRESET" } }, boundMs: quick },
  // initialize and then each readiness check wait out their own request bound: the deadline is the real limit.
  { id: "silent-server", attack: "TCP accepted, not a byte back", calls: ["echo"], serve: raw(startSilentServer), expect: { step: "initialize", errorClass: "timeout", outcome: { kind: "timeout" } }, boundMs: hostileLimits.requestTimeoutMs * 6 + 6_000 },
  { id: "header-flood", attack: "256 KiB of response headers", calls: ["echo"], serve: raw(startHeaderFloodServer), expect: { step: "initialize", errorClass: "network_error", outcome: { kind: "network-error" } }, boundMs: quick },
  { id: "tls-untrusted", attack: "self-signed TLS certificate", calls: ["echo"], serve: raw(startSelfSignedTlsServer, "https"), expect: { step: "connect", errorClass: "network_error", outcome: { kind: "network-error", code: "DEPTH_ZERO_SELF_SIGNED_CERT" } }, boundMs: quick },
  { id: "tls-reset", attack: "TCP reset in answer to the TLS ClientHello", calls: ["echo"], serve: raw(startResettingServer, "https"), expect: { step: "connect", errorClass: "network_error", outcome: { kind: "network-error", code: "ECONNRESET" } }, boundMs: quick },
  { id: "tls-silent", attack: "TLS handshake never answered", calls: ["echo"], serve: raw(startSilentServer, "https"), expect: { step: "connect", errorClass: "timeout", outcome: { kind: "timeout", phase: "connect" } }, boundMs: timed },
];
