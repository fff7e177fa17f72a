// The request a check sends when it needs "the first thing a client says" without the probe's session (the
// auth checks): `initialize` in the initialize era. A 2026-07-28-only server has no initialize and refuses
// it with 400, which says nothing about its auth, so in the modern era it is a `tools/list` with the
// request metadata and mirrored headers (Streamable HTTP 2026-07-28 §Request Metadata). tools/list rather
// than server/discover: a server may serve discovery to anyone and gate only the tools, and the auth checks
// ask about the gate.
import { jsonRpcHeaders, type CheckContext } from "./check-context";
import { MODERN_VERSION, initializeBody, mirroredHeaders, modernBody, requestId } from "../net/raw-rpc";

export interface FirstRequest {
  /** What was sent, for findings ("an unauthenticated initialize …"). */
  label: "initialize" | "tools/list (2026-07-28)";
  headers: Record<string, string>;
  body: string;
}

export function firstRequest(ctx: CheckContext): FirstRequest {
  const id = requestId();
  if (ctx.session.protocolEra !== "modern") return { label: "initialize", headers: { ...jsonRpcHeaders }, body: initializeBody(id) };
  const version = modernVersion(ctx);
  return { label: "tools/list (2026-07-28)", headers: { ...jsonRpcHeaders, ...mirroredHeaders("tools/list", undefined, version) }, body: modernBody(id, "tools/list", {}, version) };
}

/** The modern version the session negotiated, or the one we speak when it recorded none. */
export function modernVersion(ctx: CheckContext): string {
  const v = ctx.session.protocolVersion;
  return v && v >= MODERN_VERSION ? v : MODERN_VERSION;
}
