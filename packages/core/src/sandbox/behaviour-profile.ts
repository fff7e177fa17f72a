// How a simulated service behaves in the sandbox fleet: data, never code, so a profile is reviewable and a
// catalogue entry can override any field. Rates are per tools/call; auth_expired is never injected (it comes
// from token lifetimes), gateway_error comes from the gateway section, blocked_by_policy is Kensa's own.
import { z } from "zod";
import { ProtocolEra } from "../probe/probe-record";

const rate = z.number().min(0).max(1);

export const SandboxAuthMode = z.enum(["none", "api_key", "oauth2", "oauth2_1_pkce", "enterprise_sso"]);
export type SandboxAuthMode = z.infer<typeof SandboxAuthMode>;

export const InjectedErrorClass = z.enum([
  "auth_invalid",
  "auth_forbidden",
  "invalid_input",
  "not_found",
  "rate_limited",
  "timeout",
  "server_error",
  "protocol_error",
  "network_error",
]);
export type InjectedErrorClass = z.infer<typeof InjectedErrorClass>;

/** Log-normal latency: the median and the 95th percentile pin it down. */
export const LatencyProfile = z
  .strictObject({ medianMs: z.number().min(0), p95Ms: z.number().min(0) })
  .refine((l) => l.p95Ms >= l.medianMs, { message: "expected p95Ms >= medianMs" });

export const FailureMix = z.partialRecord(InjectedErrorClass, rate);
export type FailureMix = z.infer<typeof FailureMix>;

export const AuthBehaviour = z.strictObject({
  mode: SandboxAuthMode,
  /** Lifetime of issued access tokens (OAuth modes). */
  tokenLifetimeSec: z.int().positive(),
  refreshGrant: z.boolean(),
  clientCredentialsGrant: z.boolean(),
  /** A static access token a person renews by hand: how long after expiry the new one appears. */
  manualRenewalLagSec: z.int().nonnegative().nullable(),
  /** What an unauthenticated request's 401 carries: resource_metadata (RFC 9728), a bare challenge, or nothing. */
  challenge: z.enum(["resource-metadata", "bare", "none"]),
  /** A garbage credential: rejected with 401 (right), 403 (wrong status), or accepted (a hole). */
  invalidToken: z.enum(["reject-401", "reject-403", "accept"]),
});
export type AuthBehaviour = z.infer<typeof AuthBehaviour>;

export const MetadataBehaviour = z.strictObject({
  protectedResource: z.enum(["correct", "missing", "wrong-resource", "no-authorization-servers"]),
  authorizationServer: z.enum(["rfc8414", "oidc", "both", "missing"]),
  pkce: z.enum(["S256", "plain-only", "none"]),
  implicitGrant: z.boolean(),
  registration: z.enum(["dcr", "cimd", "none"]),
  /** Advertises the enterprise-managed authorization profile (ID-JAG). */
  idJag: z.boolean(),
});
export type MetadataBehaviour = z.infer<typeof MetadataBehaviour>;

export const GatewayBehaviour = z.strictObject({
  /** What the service does with the gateway's signed caller claims: honour them, ignore them (runs with the
   * gateway's broader rights), or refuse gateway traffic altogether. */
  claims: z.enum(["verify", "ignore", "reject"]),
  /** Chance that a call with structured (object/array) arguments reaches the service flattened to strings. */
  structuredArgsMangleRate: rate,
  /** Chance that the gateway itself fails a call (502). */
  errorRate: rate,
  /** What the gateway does with the 2026-07-28 mirrored Mcp-Method / Mcp-Name headers: forwards them as sent,
   * or mangles them (percent-encodes the values, as a naive header normaliser does), so a modern server sees a
   * header/body mismatch. Absent: drawn per service from its id (core/sandbox/protocol-eras.ts). */
  mirroredHeaders: z.enum(["pass", "mangle"]).optional(),
});
export type GatewayBehaviour = z.infer<typeof GatewayBehaviour>;

/** What the simulated vendor offers beyond the MCP server's own auth: SSO (SAML, OIDC), SCIM provisioning, IaC
 * providers and OpenTelemetry. Sourced declarations always set these (core/sandbox/population.ts); where nothing
 * is declared they are drawn per service, so the simulated population has the seed report's shape. */
export const EnterpriseFeatures = z.strictObject({
  saml: z.boolean(),
  oidc: z.boolean(),
  scim: z.boolean(),
  terraformProvider: z.boolean(),
  pulumiProvider: z.boolean(),
  openTelemetry: z.boolean(),
});
export type EnterpriseFeatures = z.infer<typeof EnterpriseFeatures>;
export const ToolDefinitionStyle = z.enum(["curated", "typical", "sparse"]);
export type ToolDefinitionStyle = z.infer<typeof ToolDefinitionStyle>;

/** The protocol eras a simulated service serves: the initialize era, the 2026-07-28 modern era, or both. */
export const SandboxProtocolEras = z
  .array(ProtocolEra)
  .min(1)
  .refine((eras) => new Set(eras).size === eras.length, { message: "expected each era at most once" });

export const BehaviourProfile = z
  .strictObject({
    description: z.string().min(1),
    latency: LatencyProfile,
    failures: FailureMix,
    /** Multiplies every failure rate (a catalogue entry's stability). */
    failureScale: z.number().min(0).max(10),
    /** structured: JSON-RPC codes and structured error content; text-only: bare text and plain 500s. */
    errorShape: z.enum(["structured", "text-only"]),
    responseMode: z.enum(["json", "sse"]),
    auth: AuthBehaviour,
    metadata: MetadataBehaviour,
    /** strict: a bogus MCP-Protocol-Version is refused with 400; lenient: it is ignored. */
    protocolVersion: z.enum(["strict", "lenient"]),
    traceContext: z.enum(["echo", "drop"]),
    /** Requests per window of clock time, per service and path; 429 beyond it. */
    rateLimit: z.strictObject({ requests: z.int().positive(), windowSec: z.int().positive(), retryAfter: z.boolean() }).nullable(),
    gateway: GatewayBehaviour,
    /** Registry server.json beside the endpoint: agreeing with the server, disagreeing, or absent. */
    serverCard: z.enum(["consistent", "inconsistent", "none"]),
    /** Whether the tool set includes write tools (never called by probes, but counted). */
    writeTools: z.boolean(),
    enterprise: EnterpriseFeatures,
    /** How carefully tools/list is written: curated (every field described, hints, output schemas), typical
     * (short descriptions, some properties undescribed), sparse (names restated, bare schemas, only
     * readOnlyHint). Absent: drawn per service from its id, so the fleet varies (sandbox tool-style.ts). */
    toolDefinitions: ToolDefinitionStyle.optional(),
    /** Which protocol eras the service serves. Absent: drawn per service from its id, so the fleet has a
     * realistic mix (core/sandbox/protocol-eras.ts). */
    protocolEras: SandboxProtocolEras.optional(),
  })
  .superRefine((p, ctx) => {
    const total = Object.values(p.failures).reduce((sum, r) => sum + (r ?? 0), 0) * p.failureScale;
    if (total > 0.9) ctx.addIssue({ code: "custom", path: ["failures"], message: `expected a total failure rate <= 0.9 after failureScale, got ${total.toFixed(3)}` });
    if (p.auth.mode === "none") {
      for (const cls of ["auth_invalid", "auth_forbidden"] as const) {
        if ((p.failures[cls] ?? 0) > 0) ctx.addIssue({ code: "custom", path: ["failures", cls], message: "expected no auth failures on a service without authentication" });
      }
    }
    if (p.auth.mode === "none" || p.auth.mode === "api_key") {
      if (p.auth.manualRenewalLagSec !== null) ctx.addIssue({ code: "custom", path: ["auth", "manualRenewalLagSec"], message: "expected null: only OAuth tokens expire" });
    }
  });
export type BehaviourProfile = z.infer<typeof BehaviourProfile>;

/** A catalogue entry's changes to its named profile: any section, field by field. */
export const BehaviourProfileOverrides = z.strictObject({
  description: z.string().min(1).optional(),
  latency: z.strictObject({ medianMs: z.number().min(0), p95Ms: z.number().min(0) }).partial().optional(),
  failures: FailureMix.optional(),
  failureScale: z.number().min(0).max(10).optional(),
  errorShape: z.enum(["structured", "text-only"]).optional(),
  responseMode: z.enum(["json", "sse"]).optional(),
  auth: AuthBehaviour.partial().optional(),
  metadata: MetadataBehaviour.partial().optional(),
  protocolVersion: z.enum(["strict", "lenient"]).optional(),
  traceContext: z.enum(["echo", "drop"]).optional(),
  rateLimit: z.strictObject({ requests: z.int().positive(), windowSec: z.int().positive(), retryAfter: z.boolean() }).nullable().optional(),
  gateway: GatewayBehaviour.partial().optional(),
  serverCard: z.enum(["consistent", "inconsistent", "none"]).optional(),
  writeTools: z.boolean().optional(),
  enterprise: EnterpriseFeatures.partial().optional(),
  toolDefinitions: ToolDefinitionStyle.optional(),
  protocolEras: SandboxProtocolEras.optional(),
});
export type BehaviourProfileOverrides = z.infer<typeof BehaviourProfileOverrides>;
