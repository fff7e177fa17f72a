// Which era the server speaks, decided once per probe for the checks that only apply to the 2026-07-28
// ("modern") era: a `server/discover` with the request metadata and mirrored headers. The spec's backward
// compatibility rule (Streamable HTTP §Backward Compatibility, 2026-07-28): a result, or a recognised modern
// JSON-RPC error on a 400 (basic/index §Error Codes: -32020 HeaderMismatch, -32021
// MissingRequiredClientCapability, -32022 UnsupportedProtocolVersion), means modern; anything
// else means the initialize era. A 401/403 leaves the era unknown (we were not let in to ask).
import { isObject } from "../discovery/http-json";
import type { CheckContext, ModernFacts } from "./check-context";
import { MODERN_VERSION, mirroredHeaders, modernBody, postRpc, requestId, type RpcAnswer, type RpcMessage } from "../net/raw-rpc";

const modernErrorCodes = new Set([-32020, -32021, -32022]);

export function modernEra(ctx: CheckContext): Promise<ModernFacts> {
  ctx.modern ??= discover(ctx);
  return ctx.modern;
}

/** A tools/list in the server's modern version with agreeing headers, asked once and shared (one request less per check). */
export function modernToolsList(ctx: CheckContext, version: string): Promise<RpcAnswer> {
  ctx.modernList ??= listTools(ctx, version);
  return ctx.modernList;
}

export function listTools(ctx: CheckContext, version: string): Promise<RpcAnswer> {
  const id = requestId();
  return postRpc(ctx, id, modernBody(id, "tools/list", {}, version), mirroredHeaders("tools/list", undefined, version));
}

async function discover(ctx: CheckContext): Promise<ModernFacts> {
  // Asked even when the probe's session fell back to HTTP+SSE: a 2026-07-28-only server refuses initialize,
  // which is what makes an initialize-era client fall back, so the session's transport cannot tell.
  if (ctx.transport === "stdio" || !ctx.endpoint) return { era: "not-http" };
  const id = requestId();
  const answer = await postRpc(ctx, id, modernBody(id, "server/discover"), mirroredHeaders("server/discover"));
  if (!answer.ok) return { era: "unknown", failure: answer.failure };
  return eraFromDiscover(answer.status, answer.message);
}

/** What one answer to `server/discover` says about the era: the check's own request, or the session's handshake. */
export function eraFromDiscover(status: number, message: RpcMessage | undefined): ModernFacts {
  if (status === 401 || status === 403) return { era: "unknown", status };
  const result = message?.result;
  if (status >= 200 && status < 300 && result) {
    const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions.filter((v): v is string => typeof v === "string") : [];
    const modern = versions.filter((v) => v >= MODERN_VERSION).sort();
    if (modern.length === 0) return { era: "initialize", status, supportedVersions: versions };
    const meta = isObject(result._meta) ? result._meta : {};
    const info = isObject(meta["io.modelcontextprotocol/serverInfo"]) ? meta["io.modelcontextprotocol/serverInfo"] : undefined;
    return {
      era: "modern",
      status,
      // We speak 2026-07-28; a server that lists it is asked in it, a newer-only one in its oldest modern version.
      version: modern.includes(MODERN_VERSION) ? MODERN_VERSION : modern[0]!,
      supportedVersions: versions,
      discover: result,
      ...(info && typeof info.version === "string" ? { serverVersion: info.version } : {}),
    };
  }
  const code = message?.error?.code;
  if (status === 400 && code !== undefined && modernErrorCodes.has(code)) return { era: "modern-unusable", status, code };
  return { era: "initialize", status };
}

/** The not-applicable / inconclusive answer every modern-only check gives when the era rules it out. */
export function eraGate(facts: ModernFacts): { verdict: "not_applicable" | "inconclusive"; message: string } | undefined {
  switch (facts.era) {
    case "modern":
      return undefined;
    case "not-http":
      return { verdict: "not_applicable", message: "the 2026-07-28 HTTP features are checked over Streamable HTTP only" };
    case "initialize":
      return { verdict: "not_applicable", message: `the server speaks the initialize era only (server/discover was answered ${facts.status}); this 2026-07-28 feature does not exist there` };
    case "modern-unusable":
      return { verdict: "inconclusive", message: `server/discover was refused with the modern error ${facts.code}` };
    case "unknown":
      return { verdict: "inconclusive", message: facts.status ? `server/discover was refused with ${facts.status} before the era could be told (no usable credential)` : `server/discover failed: ${facts.failure?.kind ?? "no answer"}` };
  }
}
