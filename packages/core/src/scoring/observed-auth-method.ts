// The auth method a probe observed, read from a grade's stored evidence, and the one a page shows: the
// catalogue's declared method when a source gives one, else the observed one labelled observed.
// Decision table (first row that matches wins):
//   stdio transport (credentials from the environment)                    → nothing observed
//   an initialize without credentials succeeded (authRequired false)      → none
//   OAuth metadata (RFC 8414 document, RFC 9728 pass) or an OAuth token:
//     PKCE S256 advertised and no implicit grant                          → oauth2_1_pkce
//     otherwise                                                           → oauth2
//   a credential was demanded and the probe's credential was static       → api_key
//   anything else                                                         → nothing observed
import { z } from "zod";
import { AuthMethod } from "../catalogue/declared-facts";
import { authOverStdio, GradeEvidence, observedUnauthenticated } from "./evidence";

/** The part of GradeEvidence (grade_snapshot.inputs) the observation reads. */
export const AuthObservationEvidence = z.object({
  checks: GradeEvidence.shape.checks,
  credential: z.object({ mode: GradeEvidence.shape.credential.shape.mode }),
});
export type AuthObservationEvidence = z.infer<typeof AuthObservationEvidence>;

export const AuthMethodBasis = z.enum(["declared", "observed"]);
export type AuthMethodBasis = z.infer<typeof AuthMethodBasis>;

/** The auth method to show and where it comes from; "unknown" is only ever declared. */
export const ShownAuthMethod = z.object({ method: AuthMethod, basis: AuthMethodBasis });
export type ShownAuthMethod = z.infer<typeof ShownAuthMethod>;

export function observedAuthMethod(e: AuthObservationEvidence): Exclude<AuthMethod, "unknown" | "enterprise_sso"> | null {
  const { checks } = e;
  if (authOverStdio(checks)) return null;
  if (observedUnauthenticated(checks)) return "none";
  const as = checks.authorization_server;
  const metadataFound = typeof as?.facts["pkceS256"] === "boolean" || as?.verdict === "pass";
  const oauthToken = e.credential.mode === "oauth-refresh" || e.credential.mode === "oauth-client-credentials";
  if (metadataFound || checks.protected_resource?.verdict === "pass" || oauthToken) {
    return as?.facts["pkceS256"] === true && as.facts["implicitGrant"] === false ? "oauth2_1_pkce" : "oauth2";
  }
  const demanded = checks.auth_challenge?.facts["authRequired"] === true;
  if (demanded && e.credential.mode === "static") return "api_key";
  return null;
}

/** Declared (sourced) methods win; an observation only replaces "unknown". */
export function shownAuthMethod(declared: AuthMethod, observed: AuthMethod | null): ShownAuthMethod {
  if (declared !== "unknown" || observed === null || observed === "unknown") return { method: declared, basis: "declared" };
  return { method: observed, basis: "observed" };
}
