// runProbe: one probe of one MCP server, returned as data. connect → initialize → tools/list → the call
// set × rounds → readiness checks, each a step with its outcome and evidence; the whole run inside a
// deadline. A target's failure is a result; only bad options (our caller's bug) or a missing secret throw.
import type { Clock, ProbeRunSummary } from "@kensa/core";
import type { RecordingHooks, RecordingTransport } from "./session/recording-transport";
import { Redactor } from "./evidence/redactor";
import { resolveLimits } from "./limits";
import { createGuardedFetch } from "./net/guarded-fetch";
import { createAgents, type FetchContext } from "./net/send-once";
import { Wire } from "./net/wire";
import { Discovery } from "./discovery/discovery";
import { isObject } from "./discovery/http-json";
import { CredentialManager } from "./credentials/credential-manager";
import { requestToken, type GrantResult } from "./credentials/token-grant";
import { discoverTokenEndpoint } from "./credentials/token-endpoint";
import { openSession, type Session } from "./session/open-session";
import { disposeStdioChild, prepareStdioChild, processExitOutcome, stdioEvidence, type StdioChild } from "./stdio/stdio-child";
import { StepRunner } from "./steps/step-runner";
import { callTool, listTools, type CallDeps } from "./steps/call-steps";
import { summariseTools } from "./steps/tools-summary";
import { newTraceId } from "./steps/trace-ids";
import { runCheck, selectChecks } from "./checks/run-checks";
import { eraFromDiscover } from "./checks/modern-era";
import type { CheckContext, TraceObservation } from "./checks/check-context";
import { validateOptions } from "./validate-options";
import type { ProbeOptions, ProbeResult } from "./types";

const realTime: Clock = { now: () => Date.now() };
/** Header names whose values are never secrets; every other caller-supplied header value is redacted. */
const benignHeaders = new Set(["accept", "content-type", "user-agent", "mcp-protocol-version", "accept-language"]);

export async function runProbe(options: ProbeOptions): Promise<ProbeResult> {
  const { target, rounds } = validateOptions(options);
  const limits = resolveLimits(options.limits);
  const clock = options.clock ?? realTime;
  const redactor = new Redactor();
  const userHeaders = options.headers ?? {};
  for (const [name, value] of Object.entries(userHeaders)) if (!benignHeaders.has(name.toLowerCase())) redactor.add(value);
  const traceId = newTraceId();
  const wire = new Wire();
  const agents = createAgents();
  const startedAt = new Date(clock.now()).toISOString();
  const endpoint = target.kind === "http" ? new URL(target.url) : undefined;
  const base: FetchContext = { policy: options.addressPolicy, limits, wire, redactor, agents, listenStreamMs: limits.maxStreamMs, listenAffectsSteps: false };
  // Legacy SSE carries every response on its one stream, open for the whole probe.
  const sseContext: FetchContext = { ...base, listenStreamMs: limits.deadlineMs, listenAffectsSteps: true };
  const checkFetch = createGuardedFetch(base, { role: () => "check" });
  const oauthFetch = createGuardedFetch(base, { role: () => "oauth" });
  const discovery = endpoint ? new Discovery(checkFetch, endpoint, redactor, limits.maxJsonDepth) : undefined;

  let live: RecordingTransport | undefined;
  /** Prepared inside the try below, so its temporary folder is always removed. */
  let stdio: StdioChild | undefined;
  const processExit = (failure: Parameters<typeof processExitOutcome>[2]) =>
    stdio ? processExitOutcome(stdio, live?.initializeResult !== undefined, failure, redactor, limits.maxExcerptChars * 2) : undefined;
  const runner = new StepRunner({ clock, wire, redactor, requestTimeoutMs: limits.requestTimeoutMs, maxExcerptChars: limits.maxExcerptChars, traceId, transport: () => live, processExit });
  const credentials = await CredentialManager.create(options.credential, {
    clock,
    secrets: options.secrets,
    redactor,
    resource: endpoint?.href ?? "",
    discoverTokenEndpoint: () => discoverTokenEndpoint(discovery, redactor),
    grant: async (request) => {
      const step = await runner.run<GrantResult>("oauth/token", "auth", async () => {
        const result = await requestToken(oauthFetch, request, redactor, limits.maxJsonDepth);
        return result.ok ? { outcome: { kind: "ok", httpStatus: result.httpStatus }, value: result } : { outcome: result.outcome, excerpt: result.excerpt, value: result };
      });
      return step.value ?? { ok: false, outcome: step.record.outcome };
    },
  });
  const originHeaders = endpoint ? { origin: endpoint.origin, headers: () => ({ ...userHeaders, ...credentials.headers() }) } : undefined;
  const transportFetch = {
    "streamable-http": createGuardedFetch(base, { role: (m) => (m === "GET" ? "listen" : "rpc"), originHeaders }),
    sse: createGuardedFetch(sseContext, { role: (m) => (m === "GET" ? "listen" : "rpc"), originHeaders }),
  };
  const hooks = recordingHooks(wire, redactor, limits.maxJsonDepth, () => live);

  const stop = (failure: Parameters<Wire["trip"]>[1]) => {
    runner.markDeadline();
    wire.trip(undefined, failure, "current");
  };
  const deadline = setTimeout(() => stop({ kind: "timeout", phase: "deadline", limitMs: limits.deadlineMs }), limits.deadlineMs);
  const onAbort = () => stop({ kind: "timeout", phase: "deadline", limitMs: 0 });
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const summary: ProbeRunSummary = { target: { ...(endpoint ? { url: redactor.redactUrl(endpoint) } : {}), transport: target.kind === "stdio" ? "stdio" : target.transport === "sse" ? "sse" : "streamable-http" } };
  const traces: TraceObservation[] = [];
  let session: Session | undefined;
  try {
    if (target.kind === "stdio") stdio = await prepareStdioChild(target, limits, redactor);
    session = await openSession({ target, limits, policy: options.addressPolicy, redactor, runner, credentials, fetchFor: (kind) => transportFetch[kind], hooks, eras: options.eras ?? "all", ...(stdio ? { stdio } : {}), setTransport: (t) => (live = t) });
    summary.target.transport = session.kind;
    if (session.initialized && session.client) describeServer(summary, session);
    let toolNames: string[] | undefined;
    let firstPageNames: string[] | undefined;
    if (session.initialized && session.client && !runner.stopped) {
      const deps: CallDeps = { client: session.client, traceId, requestTimeoutMs: limits.requestTimeoutMs, redactor, traces };
      const listed = await runner.run("tools/list", "protocol", (ctx) => listTools(deps, ctx), await credentials.beforeStep());
      if (listed.value) {
        // Definitions are stored and shown: a server echoing our credential into them must not leak it.
        summary.tools = summariseTools(redactor.redactDeep(listed.value));
        toolNames = summary.tools.names;
        firstPageNames = deps.firstPageNames;
      }
      const calls = listed.value && options.callsFromTools ? [...options.calls, ...options.callsFromTools(listed.value)] : options.calls;
      for (let round = 0; round < rounds && !runner.stopped; round++) {
        for (const call of calls) {
          if (runner.stopped) break;
          const step = await runner.run(`tools/call:${call.tool}`, "call", (ctx) => callTool(deps, call, ctx), await credentials.beforeStep());
          step.record.expect = call.expect;
          if (step.record.outcome.kind === "http-error" && step.record.outcome.status === 401) credentials.noteRejected();
        }
      }
    }
    const checkContext: CheckContext = {
      transport: session.kind,
      ...(endpoint ? { endpoint } : {}),
      fetch: checkFetch,
      ...(discovery ? { discovery } : {}),
      limits,
      redactor,
      traceId,
      sessionHeaders: () => ({ ...userHeaders, ...credentials.headers() }),
      session: { initialized: session.initialized, sessionId: session.transport?.sessionId, protocolVersion: summary.protocolVersion, serverVersion: summary.serverInfo?.version, ...(session.era ? { protocolEra: session.era } : {}) },
      ...(toolNames ? { toolNames } : {}),
      // Only an initialize-era session's list is the one the tools_order check would ask for itself.
      ...(firstPageNames && session.era !== "modern" ? { sessionToolOrder: firstPageNames } : {}),
      traces,
      ...(options.registry ? { registry: options.registry } : {}),
      challenge: {},
      ...(session.discover ? { modern: Promise.resolve(eraFromDiscover(session.discover.status, session.discover.message)) } : {}),
      steps: () => runner.steps,
    };
    // A target that cannot be reached at all gives the checks nothing to look at: they would only repeat it.
    const reached = runner.steps[0]?.outcome.kind === "ok";
    for (const name of reached ? selectChecks(options.checks) : []) {
      if (runner.stopped) break;
      await runner.run<never>(`check:${name}`, "check", async () => runCheck(name, checkContext));
    }
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener("abort", onAbort);
    await session?.close();
    if (stdio) {
      await disposeStdioChild(stdio);
      summary.stdio = stdioEvidence(stdio, redactor, limits.maxExcerptChars * 2);
    }
    agents.http.destroy();
    agents.https.destroy();
  }
  if (options.signal?.aborted) throw options.signal.reason ?? new DOMException("probe aborted", "AbortError");
  if (options.credential.kind !== "none") summary.credential = credentials.summary();
  return { startedAt, finishedAt: new Date(clock.now()).toISOString(), traceId, path: options.path ?? "direct", summary, steps: runner.steps };
}

/** What the handshake told, in whichever era: the v2 client reads initialize and server/discover alike. */
function describeServer(summary: ProbeRunSummary, session: Session): void {
  const client = session.client!;
  if (session.era) summary.protocolEra = session.era;
  if (session.protocolVersion) summary.protocolVersion = session.protocolVersion;
  summary.eras = session.eras;
  const info = client.getServerVersion() as unknown;
  if (isObject(info) && typeof info.name === "string") summary.serverInfo = { name: info.name, ...(typeof info.version === "string" ? { version: info.version } : {}) };
  const capabilities = client.getServerCapabilities() as unknown;
  if (isObject(capabilities)) summary.capabilities = capabilities;
}

/** Messages the SDK could not use fail the running step at once, when that step is waiting for an answer. */
function recordingHooks(wire: Wire, redactor: Redactor, maxDepth: number, live: () => RecordingTransport | undefined): RecordingHooks {
  const waiting = () => wire.step !== undefined && live()?.pendingThisStep() === true;
  return {
    maxDepth,
    onTooDeep() {
      if (waiting()) wire.trip(undefined, { kind: "protocol-violation", violation: "too-deep", detail: `a message nests deeper than ${maxDepth} levels` }, "current");
    },
    onUnknownResponse(id) {
      if (waiting()) wire.trip(undefined, { kind: "protocol-violation", violation: "id-mismatch", detail: `a response arrived for id ${JSON.stringify(id)}, which was never sent` }, "current");
    },
    onTransportError(error) {
      if (!waiting()) return;
      const message = redactor.excerpt(String(error?.message ?? error), 300);
      if (error?.name === "SyntaxError") wire.trip(undefined, { kind: "protocol-violation", violation: "malformed-json", detail: message }, "current");
      else if (error?.name === "ZodError") wire.trip(undefined, { kind: "protocol-violation", violation: "invalid-jsonrpc", detail: "a message is not valid JSON-RPC" }, "current");
      else if (/ReadBuffer exceeded maximum size/.test(message)) wire.trip(undefined, { kind: "protocol-violation", violation: "too-large", detail: message }, "current");
    },
  };
}
