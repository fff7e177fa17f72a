// Hard bounds on everything a target can make us do. Defaults are safe for a public SaaS endpoint; tests
// and the sandbox shrink them. Every bound is enforced in the fetch layer or the stream reader.
import { z } from "zod";
import { KensaError } from "@kensa/core";

export const ProbeLimits = z.object({
  /** DNS + TCP (+ TLS) to one host. */
  connectTimeoutMs: z.number().int().positive(),
  /** One request: response headers and, unless it is an event stream, the whole body. */
  requestTimeoutMs: z.number().int().positive(),
  /** The whole probe, every step included. */
  deadlineMs: z.number().int().positive(),
  /** Bytes of one response body (an event stream counts as one body). */
  maxResponseBytes: z.number().int().positive(),
  /** Events on one event stream. */
  maxSseEvents: z.number().int().positive(),
  /** How long one event stream may stay open. */
  maxStreamMs: z.number().int().positive(),
  maxRedirects: z.number().int().nonnegative(),
  /** Nesting of JSON arrays/objects in a response. */
  maxJsonDepth: z.number().int().positive(),
  /** Characters of response body kept as evidence (after redaction). */
  maxExcerptChars: z.number().int().positive(),
  /** stdio: a Node server's heap (NODE_OPTIONS) and its process group's resident memory. */
  stdioMemoryMb: z.number().int().positive(),
  /** stdio: bytes of stdout that are not JSON-RPC before the server is stopped (the spec allows none). */
  stdioNonProtocolBytes: z.number().int().positive(),
  /** stdio: bytes of stderr before the server is stopped (only its start and end are kept). */
  stdioStderrBytes: z.number().int().positive(),
});
export type ProbeLimits = z.infer<typeof ProbeLimits>;

export const defaultProbeLimits: ProbeLimits = Object.freeze({
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 15_000,
  deadlineMs: 90_000,
  maxResponseBytes: 4 * 1024 * 1024,
  maxSseEvents: 1_000,
  maxStreamMs: 30_000,
  maxRedirects: 5,
  maxJsonDepth: 100,
  maxExcerptChars: 1_024,
  stdioMemoryMb: 1_024,
  stdioNonProtocolBytes: 1024 * 1024,
  stdioStderrBytes: 8 * 1024 * 1024,
});

/** Defaults overlaid with the caller's values; a bad value is a clear error naming the limit. */
export function resolveLimits(partial: Partial<ProbeLimits> | undefined): ProbeLimits {
  const parsed = ProbeLimits.safeParse({ ...defaultProbeLimits, ...stripUndefined(partial ?? {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KensaError("bad_request", `probe limit ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
