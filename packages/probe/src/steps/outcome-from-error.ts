// Turns what a failed step left behind into one StepOutcome. Order of evidence, strongest first:
//   1. a failure the wire pinned on the step (guard refusal, bound, timeout, dropped connection)
//   2. the HTTP status of the step's last JSON-RPC exchange, when it was not 2xx
//   3. a JSON-RPC error object the server actually sent
//   4. what the SDK raised: its request timeout, a closed connection, an unparseable or invalid message
// Anything else is a protocol violation with the error's (redacted) text, never a crash.
import type { StepOutcome } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import type { ObservedResponse } from "../session/recording-transport";
import { WireError, type Exchange, type WireFailure } from "../net/wire";

export interface FailureEvidence {
  error: unknown;
  wireFailure?: WireFailure;
  exchanges: readonly Exchange[];
  responses: readonly ObservedResponse[];
  requestTimeoutMs: number;
  redactor: Redactor;
}

// The v2 SDK raises SdkError (its own failures, string codes) and ProtocolError (a JSON-RPC error, numeric code).
const REQUEST_TIMEOUT = "REQUEST_TIMEOUT";
const CONNECTION_CLOSED = "CONNECTION_CLOSED";
const raisedByClient = (name: string | undefined) => name === "SdkError" || name === "SdkHttpError" || name === "ProtocolError";

export function outcomeFromError(e: FailureEvidence): StepOutcome {
  if (e.wireFailure) return e.wireFailure;
  if (e.error instanceof WireError) return e.error.outcome;
  const rpc = [...e.exchanges].reverse().find((x) => x.role === "rpc" && x.status !== undefined);
  if (rpc?.status !== undefined && (rpc.status < 200 || rpc.status > 299)) {
    return { kind: "http-error", status: rpc.status, headers: rpc.headers ?? {}, ...(rpc.excerpt ? { body: rpc.excerpt } : {}) };
  }
  const httpStatus = rpc?.status;
  const answered = [...e.responses].reverse().find((r) => r.error);
  if (answered?.error) {
    return {
      kind: "rpc-error",
      code: answered.error.code,
      message: e.redactor.redact(String(answered.error.message)),
      ...(answered.error.data !== undefined ? { data: redactJson(answered.error.data, e.redactor) } : {}),
      ...(httpStatus ? { httpStatus } : {}),
    };
  }
  return fromThrown(e.error, e, httpStatus);
}

function fromThrown(error: unknown, e: FailureEvidence, httpStatus: number | undefined): StepOutcome {
  const status = httpStatus ? { httpStatus } : {};
  const err = error as { name?: string; code?: unknown; message?: string; cause?: { code?: string; message?: string } } | undefined;
  const message = e.redactor.redact(String(err?.message ?? error));
  if (err?.name === "SdkError" && err.code === REQUEST_TIMEOUT) return { kind: "timeout", phase: "request", limitMs: e.requestTimeoutMs };
  if (err?.name === "SdkError" && err.code === CONNECTION_CLOSED) {
    return { kind: "network-error", code: "ECONNCLOSED", message: "the connection closed before the server answered" };
  }
  if (err?.name === "ZodError") return { kind: "protocol-violation", violation: "invalid-jsonrpc", detail: message, ...status };
  if (err?.name === "SyntaxError") return { kind: "protocol-violation", violation: "malformed-json", detail: message, ...status };
  if (err?.name === "AbortError" || err?.name === "TimeoutError") return { kind: "timeout", phase: "request", limitMs: e.requestTimeoutMs };
  if (typeof err?.cause?.code === "string") return { kind: "network-error", code: err.cause.code, message: e.redactor.redact(err.cause.message ?? message) };
  if (typeof err?.code === "string" && /^E[A-Z]+$/.test(err.code)) return { kind: "network-error", code: err.code, message };
  if (/Unexpected content type/i.test(message)) return { kind: "protocol-violation", violation: "bad-content-type", detail: message, ...status };
  if (raisedByClient(err?.name)) {
    // Raised by the client about an answer it received (e.g. structured content not matching the output schema).
    return { kind: "protocol-violation", violation: "unexpected-response", detail: message, ...status };
  }
  if (/Unexpected content type/i.test(message)) return { kind: "protocol-violation", violation: "bad-content-type", detail: message, ...status };
  return { kind: "protocol-violation", violation: "unexpected-response", detail: message, ...status };
}

/** Redact a JSON value by its text form; values that cannot round-trip are replaced by their redacted string. */
export function redactJson(value: unknown, redactor: Redactor, maxChars = 4_096): unknown {
  try {
    const text = redactor.redact(JSON.stringify(value) ?? "null");
    if (text.length > maxChars) return `${text.slice(0, maxChars)}…`;
    return JSON.parse(text);
  } catch {
    return redactor.redact(String(value)).slice(0, maxChars);
  }
}
