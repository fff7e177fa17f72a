// W3C Trace Context identifiers: one trace per probe run, one span per request that carries it.
import { randomBytes } from "node:crypto";

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function traceparent(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString("hex")}-01`;
}
