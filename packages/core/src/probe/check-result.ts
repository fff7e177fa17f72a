// A readiness check's judgement. Checks are findings, not traffic: they never count toward success rates.
import { z } from "zod";

export const ReadinessCheck = z.enum([
  "auth_challenge",        // unauthenticated initialize → 401 + WWW-Authenticate resource_metadata (+ scope)
  "protected_resource",    // RFC 9728 metadata: resource matches endpoint, authorization_servers present
  "authorization_server",  // RFC 8414 / OIDC: S256, no implicit, DCR or CIMD, refresh_token, ID-JAG profile
  "protocol_version",      // a bogus MCP-Protocol-Version is rejected with 400
  "invalid_token",         // a garbage bearer token is rejected with 401
  "trace_context",         // a W3C traceparent sent in _meta comes back
  "server_card",           // registry server.json / server card agrees with what the server says
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
