// What a scan of a service should find, read off its behaviour profile: each readiness check's verdict
// on the direct path, and the error classes its calls should be classified into, at what rate. Tests hold
// the probe engine and classifier to it; the dashboard can show it beside sandbox data.
import { InjectedErrorClass, type BehaviourProfile, type CheckVerdict, type ErrorClass, type ProtocolEra, type ReadinessCheck } from "@kensa/core";

export interface ProfileIntent {
  checks: Record<ReadinessCheck, CheckVerdict>;
  /** Expected share of tools/call steps per error class (before rate limits and token expiry). */
  callErrorRates: Partial<Record<ErrorClass, number>>;
  callFailureRate: number;
  /** On the gateway path: the caller's scope honoured, ignored (write tools appear), or every request refused. */
  gateway: BehaviourProfile["gateway"]["claims"];
}

const verdict = (ok: boolean): CheckVerdict => (ok ? "pass" : "fail");

/** `eras`: what the service serves (core protocolErasOf); the run speaks the newest, which decides the 2026-07-28 checks. */
export function profileIntent(profile: BehaviourProfile, eras: readonly ProtocolEra[] = ["initialize"]): ProfileIntent {
  const modern = eras.includes("modern");
  const { auth, metadata } = profile;
  const open = auth.mode === "none";
  const oauth = !open && auth.mode !== "api_key";
  const na = (ok: boolean): CheckVerdict => (open ? "not_applicable" : verdict(ok));
  const callErrorRates: Partial<Record<ErrorClass, number>> = {};
  for (const cls of InjectedErrorClass.options) {
    const rate = (profile.failures[cls] ?? 0) * profile.failureScale;
    if (rate > 0) callErrorRates[cls] = rate;
  }
  return {
    checks: {
      auth_challenge: na(auth.challenge === "resource-metadata"),
      invalid_token: na(auth.invalidToken === "reject-401"),
      protected_resource: na(oauth && metadata.protectedResource === "correct"),
      authorization_server: na(oauth && metadata.authorizationServer !== "missing" && metadata.protectedResource !== "no-authorization-servers" && metadata.pkce === "S256" && !metadata.implicitGrant),
      // "lenient" relaxes the initialize-era leg only. The check speaks the session's era, the newest the service
      // serves: a service serving 2026-07-28 (dual or modern-only) gets the bogus version on a modern request,
      // which the v2 SDK side refuses.
      protocol_version: modern ? "pass" : verdict(profile.protocolVersion === "strict"),
      trace_context: verdict(profile.traceContext === "echo"),
      server_card: profile.serverCard === "none" ? "not_applicable" : verdict(profile.serverCard === "consistent"),
      // A service serving 2026-07-28 does so on the v2 SDK, which mirrors and checks the headers and puts cache
      // hints on its lists; in the initialize era those checks do not apply. Its tools/list order is fixed and it
      // serves Streamable HTTP. No profile injects a 403 on calls (auth_forbidden), so step-up is never exercised.
      header_mirroring: modern ? "pass" : "not_applicable",
      cache_hints: modern ? "pass" : "not_applicable",
      tools_order: "pass",
      step_up: "not_applicable",
      streamable_http: "pass",
      server_card_discover: "not_applicable",
    },
    callErrorRates,
    callFailureRate: Object.values(callErrorRates).reduce((a, b) => a + b, 0),
    gateway: profile.gateway.claims,
  };
}
