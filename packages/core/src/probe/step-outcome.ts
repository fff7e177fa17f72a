// What one probe step saw, as data. The probe engine never throws for a target's failure: it returns
// one of these, and the pure classifier turns a failed one into an error class with its evidence.
import { z } from "zod";

/** Response headers that matter for classification, lower-cased names, values bounded and redacted. */
export const HeaderEvidence = z.record(z.string(), z.string());
export type HeaderEvidence = z.infer<typeof HeaderEvidence>;

export const ProtocolViolation = z.enum([
  "malformed-json",
  "invalid-jsonrpc",
  "invalid-utf8",
  "too-deep",
  "too-large",
  "too-many-events",
  "bad-content-type",
  "id-mismatch",
  "unexpected-response",
]);
export type ProtocolViolation = z.infer<typeof ProtocolViolation>;

export const BlockReason = z.enum(["private-address", "redirect-to-private", "too-many-redirects", "scheme-not-allowed"]);
export type BlockReason = z.infer<typeof BlockReason>;

export const StepOutcome = z.discriminatedUnion("kind", [
  /** The step completed as the protocol intends (a tool result without isError, a list, a check's HTTP exchange). */
  z.object({ kind: z.literal("ok"), httpStatus: z.number().int().optional() }),
  /** tools/call answered with `isError: true`: structured content first, text as a fallback. */
  z.object({
    kind: z.literal("tool-error"),
    text: z.string(),
    structured: z.unknown().optional(),
    httpStatus: z.number().int().optional(),
  }),
  /** A JSON-RPC error object. */
  z.object({
    kind: z.literal("rpc-error"),
    code: z.number().int(),
    message: z.string(),
    data: z.unknown().optional(),
    httpStatus: z.number().int().optional(),
  }),
  /** An HTTP status outside 2xx before any JSON-RPC answer. */
  z.object({
    kind: z.literal("http-error"),
    status: z.number().int(),
    headers: HeaderEvidence,
    body: z.string().optional(),
  }),
  z.object({
    kind: z.literal("timeout"),
    phase: z.enum(["connect", "request", "stream", "deadline"]),
    limitMs: z.number(),
  }),
  /** The transport failed below HTTP: `code` is the system code (ECONNREFUSED, ECONNRESET, ENOTFOUND, CERT_…). */
  z.object({ kind: z.literal("network-error"), code: z.string(), message: z.string() }),
  z.object({
    kind: z.literal("protocol-violation"),
    violation: ProtocolViolation,
    detail: z.string(),
    httpStatus: z.number().int().optional(),
  }),
  /**
   * A stdio server's process ended while the step waited. `start`: before the session was usable (spawn or
   * initialize); `session`: after. `stderr` is its own words (redacted, bounded).
   */
  z.object({
    kind: z.literal("process-exit"),
    phase: z.enum(["start", "session"]),
    exitCode: z.number().int().nullable(),
    signal: z.string().nullable(),
    stderr: z.string(),
    /** Set when Kensa ended it for exceeding a bound. */
    stoppedFor: z.enum(["memory", "stdout-flood", "stderr-flood"]).optional(),
    /** The process could not be started at all: the system code (ENOENT, EACCES). */
    spawnError: z.string().optional(),
  }),
  /** Kensa's own guard refused before a byte was sent or a redirect was followed. */
  z.object({ kind: z.literal("blocked"), reason: BlockReason, detail: z.string() }),
]);
export type StepOutcome = z.infer<typeof StepOutcome>;
export type StepOutcomeKind = StepOutcome["kind"];

export function httpStatusOf(outcome: StepOutcome): number | undefined {
  switch (outcome.kind) {
    case "http-error":
      return outcome.status;
    case "ok":
    case "tool-error":
    case "rpc-error":
    case "protocol-violation":
      return outcome.httpStatus;
    case "timeout":
    case "network-error":
    case "process-exit":
    case "blocked":
      return undefined;
  }
}

export function rpcCodeOf(outcome: StepOutcome): number | undefined {
  return outcome.kind === "rpc-error" ? outcome.code : undefined;
}
