// The "connect" and "initialize" steps. HTTP: a TCP/TLS connect under the address policy, then initialize
// over Streamable HTTP; with transport "auto", an initialize refused with 400/404/405 falls back to the
// legacy HTTP+SSE transport, as the MCP spec's backwards-compatibility section describes. stdio: spawn the
// isolated child (stdio/), then initialize. The session is closed politely (DELETE of the session, or the
// child's stdin closed first) and always within bounds.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
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
import { tcpConnect } from "./tcp-connect";
import { withTimeout } from "./with-timeout";

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
  /** Tells the step runner (and the hooks) which transport is live. */
  setTransport: (transport: RecordingTransport) => void;
}

export interface Session {
  kind: TransportKind;
  client?: Client;
  transport?: RecordingTransport;
  initialized: boolean;
  close(): Promise<void>;
}

const FALLBACK_STATUSES = new Set([400, 404, 405]);
const CLOSE_BOUND_MS = 2_000;

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
  if (connect.record.outcome.kind !== "ok") return { kind: first, initialized: false, close: async () => stdio?.transport.close() };

  let opened: { client: Client; transport: RecordingTransport; kind: TransportKind } | undefined;
  const credential = await deps.credentials.beforeStep();
  const init = await runner.run(
    "initialize",
    "protocol",
    async ({ signal, scope }) => {
      const attempt = async (kind: TransportKind) => {
        const transport = kind === "stdio" ? stdioTransport! : new RecordingTransport(makeTransport(kind, target, deps.fetchFor(kind)), deps.hooks);
        deps.setTransport(transport);
        const client = new Client({ name: "kensa-probe", version: "1.0.0" }, { capabilities: {} });
        client.onerror = () => undefined; // transport errors reach the engine through the recording hooks
        opened = { client, transport, kind };
        // The legacy transport waits for its endpoint event on start(): bound it like a request.
        await withTimeout(transport.start(), limits.requestTimeoutMs, signal, { kind: "timeout", phase: "request", limitMs: limits.requestTimeoutMs });
        await client.connect(transport, { timeout: limits.requestTimeoutMs, signal });
      };
      try {
        await attempt(first);
        return {};
      } catch (error) {
        const status = [...scope.exchanges].reverse().find((x) => x.role === "rpc")?.status;
        const canFallBack = target.kind === "http" && (target.transport ?? "auto") === "auto" && !scope.failure && status !== undefined && FALLBACK_STATUSES.has(status);
        if (!canFallBack) throw error;
        await opened?.client.close().catch(() => undefined);
        try {
          await attempt("sse");
          return { excerpt: `Streamable HTTP initialize answered ${status}; fell back to the legacy HTTP+SSE transport` };
        } catch {
          throw error; // neither transport worked: the modern transport's answer is the more useful evidence
        }
      }
    },
    credential,
  );
  if (init.record.outcome.kind === "http-error" && init.record.outcome.status === 401) deps.credentials.noteRejected();
  if (init.record.outcome.kind !== "ok" && stdio?.transport.stderr()) {
    init.record.excerpt = deps.redactor.excerpt(`${init.record.excerpt ? `${init.record.excerpt}\n` : ""}stderr: ${stdio.transport.stderr()}`, limits.maxExcerptChars * 2);
  }
  const session = opened;
  const initialized = init.record.outcome.kind === "ok" && session !== undefined;
  return {
    kind: session?.kind ?? first,
    client: session?.client,
    transport: session?.transport,
    initialized,
    close: () => closeSession(session, initialized),
  };
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
