// The "connect" and "initialize" steps. HTTP: a TCP/TLS connect under the address policy, then the era
// handshake over Streamable HTTP with the v2 SDK client's negotiation: `server/discover` first (2026-07-28,
// the modern era), `initialize` when the server gives no modern answer. When the modern era answers, a second,
// short-lived connection tries `initialize` too, so a server serving both eras is recorded as such; the run's
// calls use the modern one. With transport "auto", a handshake refused with 400/404/405 falls back to the
// legacy HTTP+SSE transport, as the MCP spec's backwards-compatibility section describes. stdio: spawn the
// isolated child (stdio/), `initialize` first and `server/discover` only when initialize is refused — a
// discover probe before initialize can end a legacy stdio server's one process life (SDKs that reject
// pre-initialize requests exit on it; the v2 SDK probes stdio on a throwaway sibling process, which under our
// isolation would mean a second spawn, folder set and memory budget per scan). The step keeps the name
// "initialize" in both eras: it is the handshake the scorer counts as traffic. Sessions are closed politely
// (DELETE of the session, or the child's stdin closed first) and always within bounds.
import { Client, type DiscoverResult } from "@modelcontextprotocol/client";
import type { EraOffer, ProtocolEra } from "@kensa/core";
import type { CredentialManager } from "../credentials/credential-manager";
import type { Redactor } from "../evidence/redactor";
import type { FetchLike } from "../net/guarded-fetch";
import type { AddressPolicy } from "../net/address-policy";
import type { ProbeLimits } from "../limits";
import type { StepRunner } from "../steps/step-runner";
import type { ProbeTarget } from "../types";
import type { StdioChild } from "../stdio/stdio-child";
import { makeTransport, type TransportKind } from "./make-transport";
import { RecordingTransport, type RecordingHooks } from "./recording-transport";
import { isObject, parseJson } from "../discovery/http-json";
import type { Exchange } from "../net/wire";
import { tcpConnect } from "./tcp-connect";
import { withTimeout } from "./with-timeout";
import { initializeBody, postRpc, requestId, type RpcMessage } from "../net/raw-rpc";

export interface OpenSessionDeps {
  target: ProbeTarget;
  limits: ProbeLimits;
  policy: AddressPolicy;
  redactor: Redactor;
  runner: StepRunner;
  credentials: CredentialManager;
  fetchFor: (kind: "streamable-http" | "sse") => FetchLike;
  hooks: RecordingHooks;
  /** stdio targets: the prepared child, not yet started. */
  stdio?: StdioChild;
  /** Whether to learn if a modern server also serves the initialize era (ProbeOptions.eras). */
  eras: "all" | "newest";
  /** Tells the step runner (and the hooks) which transport is live. */
  setTransport: (transport: RecordingTransport) => void;
}

export interface Session {
  kind: TransportKind;
  client?: Client;
  transport?: RecordingTransport;
  initialized: boolean;
  /** The era the session speaks (the newest the server answered in) and its negotiated version. */
  era?: ProtocolEra;
  protocolVersion?: string;
  /** Every era the server answered in, newest first. */
  eras: EraOffer[];
  /** The handshake's own `server/discover` and the HTTP status it came with, when the server answered it with a
   * JSON-RPC message over Streamable HTTP: the era checks read it instead of asking again. */
  discover?: { status: number; message?: RpcMessage };
  close(): Promise<void>;
}

const FALLBACK_STATUSES = new Set([400, 404, 405]);
/** JSON-RPC answers to `initialize` that a modern-only server gives: unsupported version, unknown method, bad request. */
const MODERN_ONLY_REFUSALS = new Set([-32022, -32601, -32600]);
const CLOSE_BOUND_MS = 2_000;
/** A modern stdio probe gets this long at most: a silent stdio server is a legacy one (the SDK's own verdict). */
const STDIO_DISCOVER_MS = 5_000;

type Negotiation = "auto" | "legacy";

function newClient(negotiation: Negotiation, probeTimeoutMs: number): Client {
  const client = new Client(
    { name: "kensa-probe", version: "1.0.0" },
    {
      capabilities: {},
      ...(negotiation === "auto" ? { versionNegotiation: { mode: "auto" as const, probe: { timeoutMs: probeTimeoutMs } } } : {}),
      // The run lists tools page by page itself (steps/call-steps.ts); this bounds the SDK's own walk too.
      listMaxPages: 20,
    },
  );
  client.onerror = () => undefined; // transport errors reach the engine through the recording hooks
  return client;
}

/** What the connected client negotiated, as the era offers it proves. */
function negotiated(client: Client): { era: ProtocolEra; version?: string; offer: EraOffer } {
  const version = client.getNegotiatedProtocolVersion();
  if (client.getProtocolEra() === "modern") {
    const discover: DiscoverResult | undefined = client.getDiscoverResult();
    const versions = Array.isArray(discover?.supportedVersions) ? discover.supportedVersions.filter((v): v is string => typeof v === "string") : [];
    return { era: "modern", ...(version ? { version } : {}), offer: { era: "modern", versions: versions.length > 0 ? versions : version ? [version] : [] } };
  }
  return { era: "initialize", ...(version ? { version } : {}), offer: { era: "initialize", versions: version ? [version] : [] } };
}

export async function openSession(deps: OpenSessionDeps): Promise<Session> {
  const { target, limits, runner } = deps;
  const first: TransportKind = target.kind === "stdio" ? "stdio" : target.transport === "sse" ? "sse" : "streamable-http";
  const stdio = deps.stdio;
  let stdioTransport: RecordingTransport | undefined;

  const connect = await runner.run("connect", "transport", async ({ signal }) => {
    if (target.kind === "http") return { outcome: await tcpConnect(new URL(target.url), deps.policy, limits.connectTimeoutMs, deps.redactor, signal) };
    if (!stdio) throw new Error("a stdio target needs its prepared child");
    stdioTransport = new RecordingTransport(stdio.transport, deps.hooks);
    deps.setTransport(stdioTransport);
    await withTimeout(stdioTransport.start(), limits.connectTimeoutMs, signal, { kind: "timeout", phase: "connect", limitMs: limits.connectTimeoutMs });
    return {};
  });
  if (connect.record.outcome.kind !== "ok") return { kind: first, initialized: false, eras: [], close: async () => stdio?.transport.close() };

  let opened: { client: Client; transport: RecordingTransport; kind: TransportKind } | undefined;
  let discover: Session["discover"];
  const eras: EraOffer[] = [];
  const credential = await deps.credentials.beforeStep();
  const init = await runner.run(
    "initialize",
    "protocol",
    async ({ signal, scope }) => {
      const connectOptions = { timeout: limits.requestTimeoutMs, signal };
      const attempt = async (kind: TransportKind) => {
        const transport = kind === "stdio" ? stdioTransport! : new RecordingTransport(makeTransport(kind, target, deps.fetchFor(kind)), deps.hooks);
        deps.setTransport(transport);
        // Legacy HTTP+SSE predates the modern era: it only ever speaks initialize.
        const client = newClient(kind === "streamable-http" ? "auto" : "legacy", limits.requestTimeoutMs);
        opened = { client, transport, kind };
        // The legacy transport waits for its endpoint event on start(): bound it like a request.
        await withTimeout(transport.start(), limits.requestTimeoutMs, signal, { kind: "timeout", phase: "request", limitMs: limits.requestTimeoutMs });
        if (kind !== "stdio") return client.connect(transport, connectOptions);
        transport.holdClose = true;
        try {
          await client.connect(transport, connectOptions);
        } catch (error) {
          const refused = transport.responsesThisStep().find((r) => r.method === "initialize")?.error;
          if (!refused || !MODERN_ONLY_REFUSALS.has(refused.code)) throw error;
          const modern = newClient("auto", Math.min(STDIO_DISCOVER_MS, limits.requestTimeoutMs));
          opened = { client: modern, transport, kind };
          await modern.connect(transport, connectOptions).catch(() => Promise.reject(error));
          if (modern.getProtocolEra() !== "modern") throw error;
        } finally {
          transport.holdClose = false;
        }
      };
      let excerpt: string | undefined;
      try {
        await attempt(first);
      } catch (error) {
        const status = [...scope.exchanges].reverse().find((x) => x.role === "rpc")?.status;
        const canFallBack = target.kind === "http" && (target.transport ?? "auto") === "auto" && !scope.failure && status !== undefined && FALLBACK_STATUSES.has(status);
        if (!canFallBack) throw error;
        await opened?.client.close().catch(() => undefined);
        try {
          await attempt("sse");
          excerpt = `Streamable HTTP handshake answered ${status}; fell back to the legacy HTTP+SSE transport`;
        } catch {
          throw error; // neither transport worked: the modern transport's answer is the more useful evidence
        }
      }
      const spoken = negotiated(opened!.client);
      eras.push(spoken.offer);
      if (opened!.kind === "streamable-http") discover = handshakeDiscover(opened!.transport, scope.exchanges, limits.maxJsonDepth);
      if (spoken.era === "modern" && opened!.kind === "streamable-http" && deps.eras === "all") {
        const legacy = await initializeToo(deps);
        if (legacy) eras.push(legacy);
      }
      return excerpt ? { excerpt } : {};
    },
    credential,
  );
  if (init.record.outcome.kind === "http-error" && init.record.outcome.status === 401) deps.credentials.noteRejected();
  if (init.record.outcome.kind !== "ok" && stdio?.transport.stderr()) {
    init.record.excerpt = deps.redactor.excerpt(`${init.record.excerpt ? `${init.record.excerpt}\n` : ""}stderr: ${stdio.transport.stderr()}`, limits.maxExcerptChars * 2);
  }
  const session = opened;
  const initialized = init.record.outcome.kind === "ok" && session !== undefined;
  const spoken = initialized ? negotiated(session.client) : undefined;
  return {
    kind: session?.kind ?? first,
    client: session?.client,
    transport: session?.transport,
    initialized,
    ...(spoken ? { era: spoken.era, ...(spoken.version ? { protocolVersion: spoken.version } : {}) } : {}),
    eras: initialized ? eras : [],
    ...(initialized && discover ? { discover } : {}),
    close: () => closeSession(session, initialized),
  };
}

/**
 * A modern server may serve the initialize era too (the v2 SDK's default): one raw `initialize` tells, sent
 * through the session's own guarded fetch (credentials and bounds alike). Raw rather than a second SDK
 * client: the client would add `notifications/initialized` and a listening GET, three requests where one
 * answers the question. A session the server opened for it is deleted at once; a refusal is "not offered".
 */
async function initializeToo(deps: OpenSessionDeps): Promise<EraOffer | undefined> {
  if (deps.target.kind !== "http") return undefined;
  const endpoint = new URL(deps.target.url);
  const fetch = deps.fetchFor("streamable-http");
  const id = requestId();
  const answer = await postRpc({ endpoint, limits: deps.limits, fetch, redactor: deps.redactor, sessionHeaders: () => ({}) }, id, initializeBody(id), {}, false);
  if (!answer.ok || answer.status >= 300) return undefined;
  const sessionId = answer.raw.get("mcp-session-id");
  if (sessionId) {
    await fetch(endpoint, { method: "DELETE", headers: { "mcp-session-id": sessionId }, redirect: "manual", signal: AbortSignal.timeout(CLOSE_BOUND_MS) })
      .then((r) => r.body?.cancel())
      .catch(() => undefined);
  }
  const version = answer.message?.result?.protocolVersion;
  if (!answer.message?.result) return undefined;
  return { era: "initialize", versions: typeof version === "string" ? [version] : [] };
}

/**
 * The SDK's negotiation sends `server/discover` first, so the handshake step's first JSON-RPC exchange carried
 * it: its status, and the message the SDK read (or, for an HTTP error the SDK does not deliver, the recorded
 * body when it is whole JSON). Undefined when not known exactly — the era checks then ask themselves.
 */
function handshakeDiscover(transport: RecordingTransport, exchanges: readonly Exchange[], maxDepth: number): Session["discover"] {
  const first = exchanges.find((x) => x.role === "rpc");
  if (first?.status === undefined) return undefined;
  const seen = transport.discoverAnswer;
  if (seen) return { status: first.status, message: { ...(seen.result ? { result: seen.result } : {}), ...(seen.error ? { error: seen.error } : {}) } };
  const body = first.excerpt ? parseJson(first.excerpt, maxDepth) : undefined;
  if (!isObject(body)) return undefined;
  const error = isObject(body.error) ? body.error : undefined;
  return { status: first.status, message: error ? { error: { ...(typeof error.code === "number" ? { code: error.code } : {}) } } : {} };
}

async function closeSession(session: { client: Client; transport: RecordingTransport; kind: TransportKind } | undefined, initialized: boolean): Promise<void> {
  if (!session) return;
  const inner = session.transport.inner as { terminateSession?: () => Promise<void>; sessionId?: string };
  if (initialized && session.kind === "streamable-http" && inner.sessionId && inner.terminateSession) {
    await withTimeout(inner.terminateSession(), CLOSE_BOUND_MS).catch(() => undefined);
  }
  await withTimeout(session.client.close(), CLOSE_BOUND_MS * 3).catch(() => undefined);
  await withTimeout(session.transport.close(), CLOSE_BOUND_MS * 3).catch(() => undefined);
}
