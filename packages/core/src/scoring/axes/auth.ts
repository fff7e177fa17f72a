// Auth & SSO readiness: is authentication in place (OAuth best), is it discoverable the standard way
// (RFC 9728 / RFC 8414), OAuth 2.1 hygiene, token lifecycle as observed (auth_expired, refresh), and
// enterprise identity as declared (SAML/OIDC, ID-JAG, SCIM). Observed evidence beats declared.
import { authOverStdio, observedUnauthenticated, stdioAuthMessage, type GradeEvidence } from "../evidence";
import { checkItem, declaredItem, percent, rateShare, scored, unscored, type AxisAssessment, type Item } from "../items";
import { rateToZero } from "../methodology";
import { vendorCredentialTraffic } from "../vendor-credential";
import { countOf } from "../traffic-totals";

export function isUnauthenticated(e: GradeEvidence): boolean {
  if (authOverStdio(e.checks)) return false; // its credentials come from its environment, not a request
  if (observedUnauthenticated(e.checks)) return true;
  return e.authMethod === "none" && !observedCredentialDemand(e) && !observedOAuth(e);
}

/** An unauthenticated request was refused (with or without a complete challenge). */
function observedCredentialDemand(e: GradeEvidence): boolean {
  return e.checks.auth_challenge?.facts["authRequired"] === true || e.checks.auth_challenge?.verdict === "pass";
}

function observedOAuth(e: GradeEvidence): boolean {
  return e.checks.authorization_server?.verdict === "pass" || e.credential.mode === "oauth-refresh" || e.credential.mode === "oauth-client-credentials";
}

export function assessAuth(e: GradeEvidence): AxisAssessment {
  const direct = vendorCredentialTraffic(e);
  const expired = direct ? countOf(direct.errorCounts, "auth_expired") : 0;
  const as = e.checks.authorization_server;
  const fact = (name: string) => as?.facts[name] === true;
  const stdio = authOverStdio(e.checks);
  const asItem = (id: string, max: number, ok: boolean, yes: string, no: string, fix: string): Item => {
    if (stdio) return unscored("auth", id, max, stdioAuthMessage, fix);
    if (as === undefined || as.verdict === "not_applicable") return unscored("auth", id, max, "No authorization-server metadata check in this window.", fix);
    return scored("auth", id, max, ok ? 1 : 0, "observed", ok ? yes : no, fix);
  };
  const httpCheck = (check: Parameters<typeof checkItem>[1], id: string, max: number, words: Parameters<typeof checkItem>[5]): Item =>
    stdio ? unscored("auth", id, max, stdioAuthMessage, words.fix) : checkItem(e, check, "auth", id, max, words);
  const items: Item[] = [
    authentication(e),
    httpCheck("auth_challenge", "challenge", 5, {
      pass: "An unauthenticated request gets 401 with WWW-Authenticate naming resource_metadata.",
      fail: "An unauthenticated request does not get a 401 challenge that names resource_metadata.",
      fix: "Answer unauthenticated requests with 401 and WWW-Authenticate: Bearer resource_metadata=\"…\" (RFC 9728).",
    }),
    httpCheck("protected_resource", "protected_resource", 5, {
      pass: "Protected-resource metadata (RFC 9728) is published and names its authorization servers.",
      fail: "No valid protected-resource metadata (RFC 9728).",
      fix: "Publish /.well-known/oauth-protected-resource with resource and authorization_servers (RFC 9728).",
    }),
    httpCheck("authorization_server", "authorization_server", 5, {
      pass: "Authorization-server metadata (RFC 8414 / OIDC discovery) is published.",
      fail: "No valid authorization-server metadata (RFC 8414 / OIDC discovery).",
      fix: "Publish authorization-server metadata (RFC 8414 or OpenID Connect discovery).",
    }),
    asItem("pkce_s256", 4, fact("pkceS256"), "PKCE with S256 is advertised.", "PKCE with S256 is not advertised.", "Advertise and enforce PKCE S256 (code_challenge_methods_supported)."),
    asItem("no_implicit", 3, as?.facts["implicitGrant"] === false, "The implicit grant is not offered.", "The implicit grant is offered, or its absence is not shown.", "Stop offering the implicit grant (OAuth 2.1)."),
    asItem("client_registration", 3, fact("dynamicClientRegistration") || fact("clientIdMetadataDocuments"),
      "Agents can register themselves (DCR or Client ID Metadata Documents).", "No Dynamic Client Registration and no Client ID Metadata Documents.",
      "Support Dynamic Client Registration or Client ID Metadata Documents so agents can register without a person."),
    httpCheck("invalid_token", "invalid_token_rejected", 5, {
      pass: "A garbage bearer token is rejected with 401.",
      fail: "A garbage bearer token is not rejected with 401.",
      fix: "Reject invalid bearer tokens with 401 and error=\"invalid_token\".",
    }),
    expiryFree(e, direct?.successes ?? 0, expired),
    refreshInUse(e),
    declaredItem(e, ["saml", "oidc"], "auth", "sso", 6, "Enterprise SSO (SAML or OIDC)", "Support SSO through SAML 2.0 or OpenID Connect and declare it with a source."),
    fact("idJag")
      ? scored("auth", "id_jag", 2, 1, "observed", "The authorization server advertises the ID-JAG grant profile.", "")
      : declaredItem(e, ["idJag"], "auth", "id_jag", 2, "Enterprise-managed authorization (ID-JAG)", "Support the ID-JAG profile (urn:ietf:params:oauth:grant-profile:id-jag)."),
    declaredItem(e, ["scim"], "auth", "scim", 2, "SCIM provisioning", "Support SCIM user provisioning and declare it with a source."),
  ];
  return {
    items,
    facts: {
      authMethod: e.authMethod,
      credentialMode: e.credential.mode ?? null,
      tokenLifetimeSec: e.credential.lifetimeSec ?? null,
      tokenLifetimeSource: e.credential.lifetimeSource ?? null,
      refreshes: e.credential.refreshes,
      expiredDuringRun: e.credential.expiredDuringRun,
      authExpired: expired,
      ...(stdio ? { transport: "stdio", httpAuthorization: "not applicable" } : {}),
      checks: Object.fromEntries(Object.entries(e.checks).filter(([name]) => name !== "trace_context" && name !== "server_card" && name !== "protocol_version").map(([name, c]) => [name, c.verdict])),
    },
  };
}

function authentication(e: GradeEvidence): Item {
  const fix = "Require OAuth 2.1 authorization (authorization code with PKCE) for the MCP endpoint.";
  if (authOverStdio(e.checks)) return unscored("auth", "authentication", 50, stdioAuthMessage, fix);
  if (isUnauthenticated(e)) {
    const observed = observedUnauthenticated(e.checks);
    return scored("auth", "authentication", 50, 0, observed ? "observed" : "declared", observed ? "The server answered initialize without any credential." : "Declared as needing no authentication.", fix);
  }
  if (observedOAuth(e)) return scored("auth", "authentication", 50, 1, "observed", "OAuth is in place (seen in the authorization-server metadata or the credential the probe used).", fix);
  switch (e.authMethod) {
    case "oauth2":
    case "oauth2_1_pkce":
    case "enterprise_sso":
      return scored("auth", "authentication", 50, 1, "declared", `Declared authentication: ${e.authMethod}.`, fix);
    case "api_key":
      return scored("auth", "authentication", 50, 0.5, "declared", "Declared authentication: a per-service API key (no delegated, scoped authorization).", fix);
    case "none":
    case "unknown":
      if (observedCredentialDemand(e)) return scored("auth", "authentication", 50, 0.5, "observed", "The server demands a credential, but not through discoverable OAuth.", fix);
      return scored("auth", "authentication", 50, 0, "not_tested", "The authentication method is unknown, so not demonstrated.", fix);
  }
}

function expiryFree(e: GradeEvidence, successes: number, expired: number): Item {
  const fix = "Stop tokens expiring mid-operation: issue refresh tokens (or longer-lived, revocable tokens) so long-running agents keep working.";
  if (authOverStdio(e.checks)) return unscored("auth", "expiry_free", 6, stdioAuthMessage, fix);
  if (isUnauthenticated(e) || successes + expired === 0) return unscored("auth", "expiry_free", 6, "No authenticated direct-path traffic to judge token expiry on.", fix);
  const lifetime = e.credential.lifetimeSec === undefined ? "" : ` Token lifetime: ${e.credential.lifetimeSec / 3600} h (${e.credential.lifetimeSource}).`;
  return scored("auth", "expiry_free", 6, rateShare(expired, successes + expired, rateToZero.authExpired), "observed",
    `${expired} direct calls failed with auth_expired (${percent(expired / (successes + expired))} of authenticated calls answered).${lifetime}`, fix);
}

function refreshInUse(e: GradeEvidence): Item {
  const c = e.credential;
  const fix = "Support the refresh_token grant so a client can renew its token before it expires.";
  if (c.mode !== "oauth-refresh" || c.refreshes + c.expiredDuringRun === 0) return unscored("auth", "refresh", 4, "Token refresh was not exercised in this window.", fix);
  if (c.expiredDuringRun > 0) return scored("auth", "refresh", 4, 0, "observed", `The token expired ${c.expiredDuringRun} times during runs before it could be refreshed (${c.refreshes} refreshes).`, fix);
  return scored("auth", "refresh", 4, 1, "observed", `The token was refreshed ${c.refreshes} times and never expired mid-run.`, fix);
}
