// The response headers that decide a classification or a readiness check, and nothing else: session ids,
// cookies and the like are never kept. Values are redacted and bounded.
import type { HeaderEvidence } from "@kensa/core";
import type { Redactor } from "./redactor";

const kept = new Set([
  "www-authenticate",
  "retry-after",
  "content-type",
  "content-length",
  "location",
  "traceparent",
  "tracestate",
  "mcp-protocol-version",
  "ratelimit",
  "ratelimit-policy",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-request-id",
  "via",
  "server",
  "x-cache",
  "cf-ray",
  "x-amzn-errortype",
]);

const MAX_VALUE = 512;

export function headerEvidence(headers: Headers, redactor: Redactor): HeaderEvidence {
  const out: HeaderEvidence = {};
  for (const [name, value] of headers) {
    if (!kept.has(name)) continue;
    const clean = name === "location" ? redactor.redactUrl(value) : redactor.redact(value);
    out[name] = clean.length > MAX_VALUE ? `${clean.slice(0, MAX_VALUE)}…` : clean;
  }
  return out;
}
