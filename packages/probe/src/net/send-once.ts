// One HTTP exchange over node:http/https with every bound enforced on the socket itself: connect and
// request timers, a stream timer for event streams, and a body inspector that cuts the connection the
// moment the body breaks a bound. Returns a WHATWG Response whose body is that bounded stream.
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { ProbeLimits } from "../limits";
import type { Redactor } from "../evidence/redactor";
import { headerEvidence } from "../evidence/headers";
import { decideAddress, isIpLiteral, normaliseHost, type AddressPolicy } from "./address-policy";
import { BodyInspector } from "./body-inspector";
import { AddressRefusedError, guardedLookup } from "./guarded-lookup";
import { WireError, type Exchange, type ExchangeRole, type Wire, type WireFailure } from "./wire";

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export function createAgents(): Agents {
  return { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };
}

export interface FetchContext {
  policy: AddressPolicy;
  limits: ProbeLimits;
  wire: Wire;
  redactor: Redactor;
  agents: Agents;
  /** How long a listening stream may stay open (legacy SSE carries the whole session on it). */
  listenStreamMs: number;
  /** Whether a listening stream's failure fails the running step (true for legacy SSE). */
  listenAffectsSteps: boolean;
}

export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Headers;
  body?: Buffer;
  signal?: AbortSignal | null;
  role: ExchangeRole;
}

export function sendOnce(ctx: FetchContext, out: OutgoingRequest): { exchange: Exchange; response: Promise<Response> } {
  const exchange: Exchange = { role: out.role, method: out.method, url: ctx.redactor.redactUrl(out.url), bodyBytes: 0 };
  ctx.wire.record(exchange);
  return { exchange, response: new Promise((resolve, reject) => exchangeOnce(ctx, out, exchange, resolve, reject)) };
}

function exchangeOnce(ctx: FetchContext, out: OutgoingRequest, exchange: Exchange, resolve: (r: Response) => void, reject: (e: unknown) => void): void {
  const { limits, redactor } = ctx;
  // A request belongs to the step it was sent in; a listening stream outlives steps and, when it carries
  // the responses (legacy SSE), its failure lands on whichever step is running.
  const stepAtSend = out.role === "listen" ? undefined : ctx.wire.step;
  const tripTarget = out.role === "listen" ? (ctx.listenAffectsSteps ? "current" : undefined) : stepAtSend;
  const signals = [out.signal ?? undefined, stepAtSend?.signal].filter((s): s is AbortSignal => s !== undefined);
  const timers: NodeJS.Timeout[] = [];
  let finished = false;
  let inspector: BodyInspector | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let request: http.ClientRequest | undefined;
  let incoming: http.IncomingMessage | undefined;

  const captureExcerpt = () => {
    if (!inspector) return;
    exchange.bodyBytes = inspector.bytes;
    const head = inspector.head();
    if (!head.text) return;
    // Redacted when first read: most exchanges end well and their excerpt is never looked at.
    let excerpt: string | undefined;
    Object.defineProperty(exchange, "excerpt", {
      get: () => (excerpt ??= redactor.excerpt(head.text!, limits.maxExcerptChars, head.truncated)),
      enumerable: true,
      configurable: true,
    });
  };
  const settle = (how: "done" | { error: unknown }) => {
    if (finished) return false;
    finished = true;
    timers.forEach(clearTimeout);
    for (const signal of signals) signal.removeEventListener("abort", onAbort);
    captureExcerpt();
    if (how !== "done") {
      request?.destroy();
      incoming?.destroy();
      if (controller) controller.error(how.error);
      else reject(how.error);
    }
    return true;
  };
  const fail = (failure: WireFailure) => {
    if (finished) return;
    ctx.wire.trip(exchange, failure, tripTarget);
    settle({ error: new WireError(failure) });
  };
  function onAbort(this: AbortSignal) {
    settle({ error: this.reason ?? new DOMException("aborted", "AbortError") });
  }

  const aborted = signals.find((s) => s.aborted);
  if (aborted) return void reject(aborted.reason);
  if (out.url.protocol !== "http:" && out.url.protocol !== "https:") {
    return fail({ kind: "blocked", reason: "scheme-not-allowed", detail: `scheme ${out.url.protocol} is not http or https` });
  }
  const host = normaliseHost(out.url.hostname);
  if (isIpLiteral(host)) {
    const decision = decideAddress(ctx.policy, out.url.hostname, host);
    if (!decision.ok) return fail({ kind: "blocked", reason: "private-address", detail: decision.reason });
  }
  for (const signal of signals) signal.addEventListener("abort", onAbort, { once: true });
  timers.push(setTimeout(() => fail({ kind: "timeout", phase: "request", limitMs: limits.requestTimeoutMs }), limits.requestTimeoutMs));

  const secure = out.url.protocol === "https:";
  const headers = Object.fromEntries(out.headers);
  if (out.body) headers["content-length"] = String(out.body.byteLength);
  request = (secure ? https : http).request({
    protocol: out.url.protocol,
    hostname: host,
    port: out.url.port || undefined,
    path: `${out.url.pathname}${out.url.search}`,
    method: out.method,
    headers,
    agent: secure ? ctx.agents.https : ctx.agents.http,
    lookup: guardedLookup(ctx.policy),
  });
  request.on("socket", (socket: Socket) => {
    if (!socket.connecting) return;
    const timer = setTimeout(() => fail({ kind: "timeout", phase: "connect", limitMs: limits.connectTimeoutMs }), limits.connectTimeoutMs);
    timers.push(timer);
    socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
  });
  request.on("error", (error: NodeJS.ErrnoException) => {
    if (error instanceof AddressRefusedError) return fail({ kind: "blocked", reason: "private-address", detail: error.detail });
    fail({ kind: "network-error", code: error.code ?? "ERR_NETWORK", message: redactor.redact(error.message) });
  });
  request.on("response", (res) => {
    incoming = res;
    const status = res.statusCode ?? 0;
    const responseHeaders = toHeaders(res.rawHeaders);
    exchange.status = status;
    exchange.headers = headerEvidence(responseHeaders, redactor);
    exchange.contentType = responseHeaders.get("content-type") ?? undefined;
    const media = (exchange.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    const eventStream = media === "text/event-stream";
    inspector = new BodyInspector({
      maxBytes: limits.maxResponseBytes,
      maxDepth: limits.maxJsonDepth,
      maxEvents: limits.maxSseEvents,
      eventStream,
      structured: eventStream || media === "application/json" || media.endsWith("+json"),
      // A successful token response is never kept, even redacted: it is nothing but secrets.
      keepBytes: out.role === "oauth" && status < 300 ? 0 : limits.maxExcerptChars * 4,
    });
    if (eventStream) {
      clearTimeout(timers[0]);
      const streamMs = out.role === "listen" ? ctx.listenStreamMs : limits.maxStreamMs;
      timers.push(setTimeout(() => fail({ kind: "timeout", phase: "stream", limitMs: streamMs }), streamMs));
    }
    if (status < 200 || status > 599) {
      return fail({ kind: "protocol-violation", violation: "unexpected-response", detail: `HTTP status ${status} is not a final status`, httpStatus: status });
    }
    const nullBody = status === 204 || status === 205 || status === 304 || out.method === "HEAD";
    const body = nullBody ? null : boundedBody(res, inspector, status, fail, (c) => (controller = c), () => settle("done"), () => settle({ error: new DOMException("body cancelled", "AbortError") }));
    if (nullBody) {
      res.resume();
      res.once("end", () => settle("done"));
    }
    const response = new Response(body, { status, statusText: res.statusMessage, headers: responseHeaders });
    Object.defineProperty(response, "url", { value: out.url.href });
    resolve(response);
  });
  request.end(out.body);
}

function boundedBody(
  res: http.IncomingMessage,
  inspector: BodyInspector,
  status: number,
  fail: (failure: WireFailure) => void,
  attach: (c: ReadableStreamDefaultController<Uint8Array>) => void,
  done: () => boolean,
  cancelled: () => void,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      res.on("data", (chunk: Buffer) => {
        const violation = inspector.push(chunk);
        if (violation) return fail({ kind: "protocol-violation", violation: violation.violation, detail: violation.detail, httpStatus: status });
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) res.pause();
      });
      res.on("end", () => {
        const violation = inspector.finish();
        if (violation) return fail({ kind: "protocol-violation", violation: violation.violation, detail: violation.detail, httpStatus: status });
        if (done()) controller.close();
      });
      const cut = () => fail({ kind: "network-error", code: "ECONNRESET", message: "the connection closed before the response body ended" });
      res.on("error", cut);
      res.on("close", () => { if (!res.complete) cut(); });
      attach(controller);
    },
    pull() {
      res.resume();
    },
    cancel() {
      cancelled();
      res.destroy();
    },
  });
}

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header value fetch cannot represent is dropped; the body is still judged on its own.
    }
  }
  return headers;
}
