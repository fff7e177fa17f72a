// A readiness check's judgement. Checks are findings, not traffic: they never count toward success rates.
import { z } from "zod";

export const ReadinessCheck = z.enum([
  "auth_challenge",        // unauthenticated initialize (2026-07-28: tools/list) → 401 + WWW-Authenticate resource_metadata (+ scope)
  "protected_resource",    // RFC 9728 metadata: resource matches endpoint, authorization_servers present
  "authorization_server",  // RFC 8414 / OIDC: S256, no implicit, DCR or CIMD, refresh_token, ID-JAG profile
  "protocol_version",      // a bogus MCP-Protocol-Version is rejected with 400
  "invalid_token",         // a garbage bearer token is rejected with 401
  "trace_context",         // a W3C traceparent sent in _meta comes back
  "server_card",           // registry server.json / server card agrees with what the server says
  // Methodology 1.2 (MCP 2026-07-28): scored from 1.2 on, see scoring/items-1-2-protocol.ts.
  "header_mirroring",      // Mcp-Method / Mcp-Name mirrored headers accepted; a mismatch refused 400 / -32020
  "cache_hints",           // ttlMs + cacheScope on server/discover and tools/list results
  "tools_order",           // two tools/list answers list the tools in the same order
  "step_up",               // a 403 to our token says error="insufficient_scope" with scope and resource_metadata
  "streamable_http",       // Streamable HTTP is offered, not only the deprecated HTTP+SSE transport
  "server_card_discover",  // the SEP-2127 server card agrees with server/discover
]);
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

export const CheckVerdict = z.enum(["pass", "fail", "not_applicable", "inconclusive"]);
export type CheckVerdict = z.infer<typeof CheckVerdict>;

/** What a check's findings can be about; the same id may appear in several checks (e.g. `present`). */
export const checkFindingIds = [
  "transport", "reachable", "session", "authorized", "answered", "named",
  "auth-required", "status", "status-401", "www-authenticate", "resource-metadata", "scope",
  "present", "resource", "authorization-servers",
  "issuer", "other-issuers", "metadata", "pkce-s256", "no-implicit", "client-registration", "refresh-token", "id-jag",
  "error-invalid-token", "rejects-bogus-version", "echoed", "remote", "version", "tools",
  "iss-parameter", "client-id-metadata", "era", "accepts-mirrored", "rejects-method-mismatch", "rejects-name-mismatch",
  "rejects-missing-header", "ttl", "cache-scope", "order", "insufficient-scope", "streamable", "capabilities",
  "protocol-versions", "content-type", "cors",
] as const;
export type CheckFindingId = (typeof checkFindingIds)[number];

/** One thing a check found; `fix` is what the vendor would change, in a sentence. */
export const CheckFinding = z.object({
  id: z.string(),
  ok: z.boolean(),
  message: z.string(),
  fix: z.string().optional(),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

export const CheckResult = z.object({
  check: ReadinessCheck,
  verdict: CheckVerdict,
  findings: z.array(CheckFinding),
  /** Raw facts the scorer reads (e.g. { pkceS256: true, implicitGrant: false }); JSON values only. */
  facts: z.record(z.string(), z.unknown()),
});
export type CheckResult = z.infer<typeof CheckResult>;
