// GradeEvidence: everything a grade is computed from, as plain JSON. Stored as grade_snapshot.inputs and
// hashed (evidenceHash), so a grade can be recomputed bit for bit from storage and the methodology version.
import { z } from "zod";
import { AuthMethod, type DeclaredFactName } from "../catalogue/declared-facts";
import { CheckVerdict, ReadinessCheck } from "../probe/check-result";
import { CredentialSummary } from "../probe/probe-record";
import { ToolDefinitionRecord } from "../probe/tool-definitions";
import { ErrorClass } from "../taxonomy/error-classes";

const Count = z.number().int().nonnegative();
const Ms = z.number().nonnegative().nullable();

export const PathTraffic = z
  .object({
    runs: Count,
    /** Protocol and call steps; readiness checks are findings, not traffic. */
    calls: Count,
    successes: Count,
    vendorFailures: Count,
    clientFailures: Count,
    intermediaryFailures: Count,
    errorCounts: z.partialRecord(ErrorClass, Count),
    /** Percentiles of successful calls, from the rollup histogram. */
    latencyMs: z.object({ p50: Ms, p95: Ms, p99: Ms }),
  })
  .superRefine((t, ctx) => {
    const failures = t.vendorFailures + t.clientFailures + t.intermediaryFailures;
    if (t.successes + failures !== t.calls) {
      ctx.addIssue({ code: "custom", message: `successes (${t.successes}) + failures by fault (${failures}) must equal calls (${t.calls})` });
    }
    const classified = Object.values(t.errorCounts).reduce((sum, n) => sum + (n ?? 0), 0);
    if (classified !== failures) ctx.addIssue({ code: "custom", path: ["errorCounts"], message: `error counts add up to ${classified}, failures by fault to ${failures}` });
  });
export type PathTraffic = z.infer<typeof PathTraffic>;

/** A readiness check's verdict and the facts the scorer reads (see scoredCheckFacts). */
export const CheckEvidence = z.object({
  verdict: CheckVerdict,
  facts: z.record(z.string(), z.union([z.boolean(), z.number(), z.string(), z.null()])),
});
export type CheckEvidence = z.infer<typeof CheckEvidence>;

/** The check facts the methodology reads, under the names @kensa/probe records them. */
export const scoredCheckFacts: Partial<Record<ReadinessCheck, readonly string[]>> = {
  /** authRequired: false when an initialize without credentials succeeded. */
  auth_challenge: ["authRequired", "transport"],
  protected_resource: ["transport"],
  authorization_server: ["pkceS256", "implicitGrant", "dynamicClientRegistration", "clientIdMetadataDocuments", "issParameterSupported", "refreshTokenGrant", "idJag", "transport"],
  /** status: how a garbage bearer token was answered (2xx = accepted). */
  invalid_token: ["status", "transport"],
  // Methodology 1.2 (items-1-2-protocol.ts). era: "modern" | "initialize" | … as server/discover showed it.
  header_mirroring: ["era", "agreeingStatus", "mismatchAccepted", "rejectedWithout32020"],
  cache_hints: ["era", "ttlPresent", "cacheScopePresent"],
  tools_order: ["era", "deterministic"],
  /** token: false when the probe ran without a bearer token (nothing to under-scope). */
  step_up: ["token", "error"],
  streamable_http: ["transport", "legacySseOnly"],
  server_card_discover: ["era", "present"],
};

/**
 * HTTP authorization checks. A stdio server takes its credentials from its environment (the MCP
 * specification's authorization applies to HTTP transports): for it these are not_applicable with
 * fact transport "stdio", and the scorer neither credits nor caps it for them.
 */
export const httpAuthChecks = ["auth_challenge", "protected_resource", "authorization_server", "invalid_token"] as const satisfies readonly ReadinessCheck[];

export function authOverStdio(checks: GradeEvidence["checks"]): boolean {
  return checks.auth_challenge?.facts["transport"] === "stdio";
}

export const stdioAuthMessage =
  "Not applicable over stdio: the server takes its credentials from its environment, so HTTP authorization (401 challenge, RFC 9728 and RFC 8414 metadata, invalid-token rejection, token expiry) is neither credited nor capped.";

/** The server answered an initialize without any credential. */
export function observedUnauthenticated(checks: GradeEvidence["checks"]): boolean {
  return checks.auth_challenge?.facts["authRequired"] === false;
}

/** A garbage bearer token was answered with success. */
export function acceptedInvalidToken(checks: GradeEvidence["checks"]): boolean {
  const c = checks.invalid_token;
  const status = c?.facts["status"];
  return c?.verdict === "fail" && typeof status === "number" && status >= 200 && status < 300;
}

export const DeclaredEvidence = z.object({ value: z.union([z.boolean(), z.literal("unknown")]), source: z.string().optional() });
export type DeclaredEvidence = z.infer<typeof DeclaredEvidence>;

export const declaredFactNames = [
  "saml", "oidc", "idJag", "scim", "terraformProvider", "pulumiProvider", "openTelemetry", "registryEntry", "environmentSeparation",
] as const satisfies readonly DeclaredFactName[];

export const GradeEvidence = z
  .object({
    format: z.literal("kensa.evidence/v1"),
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    traffic: z.object({ direct: PathTraffic.optional(), gateway: PathTraffic.optional() }),
    /** Failures the vendor answered, by shape; absent when the caller could not count them. */
    errorShapes: z.object({ structured: Count, inferred: Count }).optional(),
    checks: z.partialRecord(ReadinessCheck, CheckEvidence),
    tools: z.object({
      count: Count,
      writeTools: Count,
      /** From the latest run that kept them (methodology 1.2's tools axis); absent for older runs. */
      definitions: z.array(ToolDefinitionRecord).optional(),
      definitionsOmitted: Count.optional(),
      listChars: Count.optional(),
    }).optional(),
    credential: z.object({
      mode: CredentialSummary.shape.mode.optional(),
      /** Window totals. */
      refreshes: Count,
      expiredDuringRun: Count,
      lifetimeSec: z.number().positive().optional(),
      lifetimeSource: z.enum(["observed", "declared"]).optional(),
      /**
       * True when the probe ran on documented dummy configuration (a vendor package started with placeholder
       * values): whatever it sent is no working credential of ours, so the grade is partial (coverage.ts).
       */
      dummy: z.literal(true).optional(),
    }),
    authMethod: AuthMethod,
    declared: z.object(Object.fromEntries(declaredFactNames.map((name) => [name, DeclaredEvidence])) as Record<(typeof declaredFactNames)[number], typeof DeclaredEvidence>),
  })
  .refine((e) => Date.parse(e.window.from) <= Date.parse(e.window.to), { path: ["window"], message: "window.from must not be after window.to" });
export type GradeEvidence = z.infer<typeof GradeEvidence>;
