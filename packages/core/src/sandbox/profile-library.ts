// The named behaviour profiles the sandbox fleet simulates, chosen to make the population look like the seed
// report's: most services OAuth 2.0 with varying metadata quality, SSO only at the top, API keys in the
// mid-market, a few open servers. Each profile's intent is what scans of it should find.
import { z } from "zod";
import type { BehaviourProfile } from "./behaviour-profile";

export const SandboxProfileName = z.enum([
  "oauth-exemplary",
  "enterprise-sso",
  "oauth-solid",
  "oauth-standard",
  "oauth-legacy",
  "oauth-misconfigured",
  "oauth-day-token",
  "chat-structured-blocks",
  "gateway-blocked",
  "gateway-overprivileged",
  "api-key-basic",
  "api-key-flaky",
  "open-read-only",
  "open-with-writes",
]);
export type SandboxProfileName = z.infer<typeof SandboxProfileName>;

type Profile = BehaviourProfile;

const goodMetadata: Profile["metadata"] = {
  protectedResource: "correct", authorizationServer: "rfc8414", pkce: "S256", implicitGrant: false, registration: "dcr", idJag: false,
};
const noMetadata: Profile["metadata"] = {
  protectedResource: "missing", authorizationServer: "missing", pkce: "none", implicitGrant: false, registration: "none", idJag: false,
};
const oauthAuth: Profile["auth"] = {
  mode: "oauth2", tokenLifetimeSec: 3600, refreshGrant: true, clientCredentialsGrant: true, manualRenewalLagSec: null,
  challenge: "resource-metadata", invalidToken: "reject-401",
};
const apiKeyAuth: Profile["auth"] = {
  mode: "api_key", tokenLifetimeSec: 3600, refreshGrant: false, clientCredentialsGrant: false, manualRenewalLagSec: null,
  challenge: "bare", invalidToken: "reject-401",
};
const openAuth: Profile["auth"] = { ...apiKeyAuth, mode: "none", challenge: "none" };
const cleanGateway: Profile["gateway"] = { claims: "verify", structuredArgsMangleRate: 0, errorRate: 0.002 };
/** No enterprise features until a declaration or the population draw (population.ts) gives them. */
const noEnterprise: Profile["enterprise"] = { saml: false, oidc: false, scim: false, terraformProvider: false, pulumiProvider: false, openTelemetry: false };

const oauthSolid: Profile = {
  description: "OAuth 2.0 done well: correct RFC 9728/8414 metadata, PKCE S256, DCR, refresh; low failure rate",
  latency: { medianMs: 35, p95Ms: 120 },
  failures: { server_error: 0.008, rate_limited: 0.006, timeout: 0.003, invalid_input: 0.003 },
  failureScale: 1,
  errorShape: "structured",
  responseMode: "json",
  auth: oauthAuth,
  metadata: goodMetadata,
  protocolVersion: "strict",
  traceContext: "echo",
  rateLimit: { requests: 600, windowSec: 60, retryAfter: true },
  gateway: cleanGateway,
  serverCard: "consistent",
  writeTools: true,
  enterprise: noEnterprise,
};

const oauthStandard: Profile = {
  ...oauthSolid,
  description: "OAuth 2.0 with the basics: metadata present, PKCE S256, no dynamic registration, no trace echo",
  latency: { medianMs: 60, p95Ms: 250 },
  failures: { server_error: 0.015, rate_limited: 0.01, timeout: 0.008, invalid_input: 0.005, not_found: 0.002 },
  metadata: { ...goodMetadata, registration: "none" },
  traceContext: "drop",
  rateLimit: { requests: 120, windowSec: 60, retryAfter: true },
  serverCard: "none",
};

export const profileLibrary: Record<SandboxProfileName, BehaviourProfile> = {
  "oauth-exemplary": {
    ...oauthSolid,
    description: "OAuth 2.1 reference: PKCE S256 only, DCR, short tokens with refresh, OIDC discovery too, very reliable",
    toolDefinitions: "curated",
    latency: { medianMs: 25, p95Ms: 80 },
    failures: { server_error: 0.004, timeout: 0.002, rate_limited: 0.004 },
    auth: { ...oauthAuth, mode: "oauth2_1_pkce", tokenLifetimeSec: 1800 },
    metadata: { ...goodMetadata, authorizationServer: "both" },
    responseMode: "sse",
  },
  "enterprise-sso": {
    ...oauthSolid,
    description: "Top tier with SSO: OIDC discovery, Client ID Metadata Documents, the ID-JAG enterprise profile",
    toolDefinitions: "curated",
    auth: { ...oauthAuth, mode: "enterprise_sso" },
    metadata: { ...goodMetadata, authorizationServer: "both", registration: "cimd", idJag: true },
    enterprise: { ...noEnterprise, saml: true, oidc: true, scim: true },
  },
  "oauth-solid": oauthSolid,
  "oauth-standard": oauthStandard,
  "oauth-legacy": {
    ...oauthStandard,
    description: "Older OAuth 2.0: implicit grant still advertised, no PKCE, no protected-resource metadata, text errors",
    toolDefinitions: "sparse",
    latency: { medianMs: 90, p95Ms: 400 },
    failures: { server_error: 0.025, rate_limited: 0.012, timeout: 0.012, invalid_input: 0.008, not_found: 0.003 },
    errorShape: "text-only",
    auth: { ...oauthAuth, challenge: "bare" },
    metadata: { ...goodMetadata, protectedResource: "missing", pkce: "none", implicitGrant: true, registration: "none" },
    protocolVersion: "lenient",
  },
  "oauth-misconfigured": {
    ...oauthStandard,
    description: "OAuth 2.0 with broken metadata: resource mismatch, plain PKCE only, garbage tokens accepted",
    auth: { ...oauthAuth, invalidToken: "accept" },
    metadata: { ...goodMetadata, protectedResource: "wrong-resource", pkce: "plain-only", registration: "none" },
    protocolVersion: "lenient",
    serverCard: "inconsistent",
  },
  "oauth-day-token": {
    ...oauthStandard,
    description: "OAuth 2.0 with 24-hour access tokens, no automated refresh: a person renews the token by hand",
    // ~8% besides token expiry, mostly the caller's (validation, rate limits), as the seed's AA implies.
    failures: { invalid_input: 0.048, rate_limited: 0.019, server_error: 0.01, timeout: 0.005 },
    auth: { ...oauthAuth, tokenLifetimeSec: 86_400, refreshGrant: false, clientCredentialsGrant: false, manualRenewalLagSec: 1800 },
    rateLimit: { requests: 300, windowSec: 60, retryAfter: true },
  },
  "chat-structured-blocks": {
    ...oauthSolid,
    description: "Chat with structured message blocks: fine direct, but intermediaries flatten blocks into strings",
    failures: { rate_limited: 0.015, server_error: 0.01, invalid_input: 0.005 },
    gateway: { ...cleanGateway, structuredArgsMangleRate: 0.17 },
  },
  "gateway-blocked": {
    ...oauthStandard,
    description: "Refuses any request forwarded by a gateway: agents behind one are locked out",
    gateway: { ...cleanGateway, claims: "reject" },
  },
  "gateway-overprivileged": {
    ...oauthStandard,
    description: "Ignores the caller's scope behind a gateway and runs with the gateway's own broad rights",
    gateway: { ...cleanGateway, claims: "ignore" },
  },
  "api-key-basic": {
    ...oauthStandard,
    description: "Per-service API key, no OAuth metadata, plain-text errors",
    latency: { medianMs: 70, p95Ms: 300 },
    failures: { server_error: 0.02, rate_limited: 0.015, timeout: 0.01, invalid_input: 0.01, not_found: 0.005 },
    errorShape: "text-only",
    auth: apiKeyAuth,
    metadata: noMetadata,
    protocolVersion: "lenient",
    rateLimit: { requests: 60, windowSec: 60, retryAfter: false },
  },
  "api-key-flaky": {
    ...oauthStandard,
    description: "API key and an unstable backend: 5xx, timeouts, resets and malformed answers",
    toolDefinitions: "sparse",
    latency: { medianMs: 150, p95Ms: 900 },
    failures: { server_error: 0.05, timeout: 0.03, rate_limited: 0.03, network_error: 0.01, protocol_error: 0.01, not_found: 0.01 },
    errorShape: "text-only",
    auth: apiKeyAuth,
    metadata: noMetadata,
    protocolVersion: "lenient",
    rateLimit: { requests: 30, windowSec: 60, retryAfter: false },
  },
  "open-read-only": {
    ...oauthStandard,
    description: "No authentication, read-only tools only (public data)",
    latency: { medianMs: 50, p95Ms: 200 },
    failures: { server_error: 0.015, timeout: 0.008, rate_limited: 0.007 },
    auth: openAuth,
    metadata: noMetadata,
    writeTools: false,
  },
  "open-with-writes": {
    ...oauthStandard,
    description: "No authentication yet write tools exposed: the case a grade cap exists for",
    toolDefinitions: "sparse",
    latency: { medianMs: 50, p95Ms: 220 },
    failures: { server_error: 0.02, timeout: 0.01, rate_limited: 0.01 },
    auth: openAuth,
    metadata: noMetadata,
  },
};
