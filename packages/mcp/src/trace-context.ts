// W3C trace context: a caller's traceparent in params._meta is continued — the same trace id, a span id of
// our own — and returned in the result's _meta, so an agent's audit trail joins Kensa's answer to its call.
import { randomBytes } from "node:crypto";

const traceparentPattern = /^00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/;

/** The result's _meta for a request's _meta: a continued traceparent, or nothing for a missing or malformed one. */
export function continuedTrace(requestMeta: Record<string, unknown> | undefined): { traceparent: string } | undefined {
  const incoming = requestMeta?.traceparent;
  const match = typeof incoming === "string" ? traceparentPattern.exec(incoming) : null;
  if (!match || /^0+$/.test(match[1]!)) return undefined;
  return { traceparent: `00-${match[1]}-${randomBytes(8).toString("hex")}-${match[2]}` };
}
