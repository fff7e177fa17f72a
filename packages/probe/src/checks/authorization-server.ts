// authorization_server: RFC 8414 / OIDC discovery for each issuer the protected-resource metadata names.
// Deciding, for every listed issuer: metadata found, issuer matches, PKCE S256 offered, no implicit grant.
// The first issuer found gives the findings and the facts the scorer reads: DCR or Client ID Metadata
// Documents, refresh_token, client_credentials, and the ID-JAG profile when advertised.
import type { CheckFindingId } from "@kensa/core";
import { issuerMatches as sameIssuer } from "../discovery/metadata-identity";
import { finding, result, verdictOf, type CheckContext, type CheckOutput } from "./check-context";
import { attemptOutcome } from "./protected-resource";

const ID_JAG = "urn:ietf:params:oauth:grant-profile:id-jag";
const MAX_ISSUERS = 3;
/** The findings that decide an authorization server's verdict; the rest are facts for the scorer. */
const DECIDING: CheckFindingId[] = ["issuer", "pkce-s256", "no-implicit"];

export async function authorizationServerCheck(ctx: CheckContext): Promise<CheckOutput> {
  if (!ctx.discovery) {
    return { outcome: { kind: "ok" }, check: result("authorization_server", "not_applicable", [finding("transport", true, "stdio servers have no HTTP metadata")], {}) };
  }
  const prm = await ctx.discovery.protectedResource(ctx.challenge.resourceMetadata);
  const issuers = Array.isArray(prm.found?.json.authorization_servers) ? (prm.found!.json.authorization_servers as unknown[]).filter((s): s is string => typeof s === "string" && URL.canParse(s)) : [];
  if (issuers.length === 0) {
    if (ctx.challenge.authRequired !== true) {
      return { outcome: { kind: "ok" }, check: result("authorization_server", "not_applicable", [finding("issuer", true, "no authorization server is named, and none is needed without auth")], {}) };
    }
    const none = finding("issuer", false, "no authorization server could be discovered", "Name the authorization server in RFC 9728 metadata (authorization_servers).");
    return { outcome: { kind: "ok" }, check: result("authorization_server", "fail", [none], { found: false }) };
  }
  const servers = [];
  for (const issuer of issuers.slice(0, MAX_ISSUERS)) servers.push({ issuer, lookup: await ctx.discovery.authorizationServer(issuer) });
  const primary = servers.find((s) => s.lookup.found) ?? servers[0]!;
  const outcome = attemptOutcome(primary.lookup.attempts);
  const doc = primary.lookup.found?.json;
  if (!doc) {
    const failed = primary.lookup.attempts.find((a) => !a.ok);
    if (failed && !failed.ok && failed.failure.kind !== "network-error") {
      return { outcome, check: result("authorization_server", "inconclusive", [finding("reachable", false, `metadata could not be fetched: ${failed.failure.kind}`)], { issuer: primary.issuer }) };
    }
    const missing = finding("metadata", false, `no RFC 8414 or OIDC metadata for ${primary.issuer}`, "Serve /.well-known/oauth-authorization-server (RFC 8414) for the issuer.");
    return { outcome, check: result("authorization_server", "fail", [missing], { issuer: primary.issuer, found: false }) };
  }
  const judged = servers.map((s) => ({ ...s, assessed: s.lookup.found ? assess(s.lookup.found.json, s.issuer) : undefined }));
  const { findings, facts: primaryFacts } = assess(doc, primary.issuer);
  // A client may pick any listed authorization server: each one must get the deciding items right.
  const others = judged.filter((s) => s.issuer !== primary.issuer);
  if (others.length > 0) {
    const weak = others.filter((s) => s.assessed?.verdict !== "pass");
    const why = (s: (typeof judged)[number]) => s.assessed ? `${s.issuer} (${s.assessed.findings.filter((f) => !f.ok && (DECIDING as string[]).includes(f.id)).map((f) => f.id).join(", ")})` : `${s.issuer} (no metadata)`;
    findings.push(finding(
      "other-issuers",
      weak.length === 0,
      weak.length === 0 ? `the ${others.length} other listed authorization server(s) also pass` : `other listed authorization servers fall short: ${weak.map(why).join("; ")}`,
      "Every authorization server in authorization_servers must publish metadata with its own issuer, PKCE S256 and no implicit grant: clients may use any of them.",
    ));
  }
  const facts = {
    found: true,
    issuer: primary.issuer,
    metadataUrl: primary.lookup.found!.url,
    issuers: judged.map((s) => ({ issuer: s.issuer, found: s.lookup.found !== undefined, verdict: s.assessed?.verdict ?? "fail" })),
    ...primaryFacts,
  };
  const verdict = verdictOf(findings, [...DECIDING, "other-issuers"]);
  return { outcome, excerpt: ctx.redactor.excerpt(JSON.stringify(doc), ctx.limits.maxExcerptChars), check: result("authorization_server", verdict, findings, facts) };
}

/** One issuer's metadata judged: the findings a vendor sees and the facts the scorer reads. */
function assess(doc: Record<string, unknown>, issuer: string) {
  const list = (name: string) => (Array.isArray(doc[name]) ? (doc[name] as unknown[]).filter((v): v is string => typeof v === "string") : undefined);
  const grants = list("grant_types_supported");
  // RFC 8414 §2: an absent grant_types_supported means ["authorization_code", "implicit"].
  const effectiveGrants = grants ?? ["authorization_code", "implicit"];
  const responseTypes = list("response_types_supported") ?? [];
  const pkceS256 = (list("code_challenge_methods_supported") ?? []).includes("S256");
  const implicit = effectiveGrants.includes("implicit") || responseTypes.some((t) => t.split(" ").includes("token"));
  const dcr = typeof doc.registration_endpoint === "string";
  const cimd = doc.client_id_metadata_document_supported === true;
  // RFC 9207 §2.3; MCP 2026-07-28 basic/authorization §Authorization Response Validation (SEP-2468).
  const iss = doc.authorization_response_iss_parameter_supported === true;
  const idJag = Object.values(doc).some((v) => v === ID_JAG || (Array.isArray(v) && v.includes(ID_JAG)));
  const issuerMatches = sameIssuer(doc.issuer, issuer);
  const findings = [
    finding("issuer", issuerMatches, `issuer is ${String(doc.issuer)}`, "The metadata's issuer must equal the issuer URL it was discovered from (RFC 8414 §3.3)."),
    finding("pkce-s256", pkceS256, pkceS256 ? "PKCE S256 is offered" : "code_challenge_methods_supported does not list S256", 'Offer PKCE: code_challenge_methods_supported: ["S256"] (MCP clients must refuse without it).'),
    finding("no-implicit", !implicit, implicit ? "the implicit grant is advertised (or implied by an absent grant_types_supported)" : "no implicit grant", "Drop the implicit grant (OAuth 2.1) and list grant_types_supported explicitly."),
    finding("client-registration", dcr || cimd, dcr || cimd ? `clients can register (${[dcr && "DCR", cimd && "Client ID Metadata Documents"].filter(Boolean).join(", ")})` : "no dynamic client registration and no Client ID Metadata Documents", "Support Client ID Metadata Documents or RFC 7591 dynamic registration."),
    finding("refresh-token", effectiveGrants.includes("refresh_token"), effectiveGrants.includes("refresh_token") ? "refresh_token grant offered" : "no refresh_token grant: sessions end when the access token expires", "Offer the refresh_token grant so long-running agents do not hit expired tokens."),
    // Methodology 1.2 items, not deciding this check's verdict (1.1.x grades stay as they were):
    finding("iss-parameter", iss, iss ? "authorization responses carry iss (RFC 9207)" : "authorization_response_iss_parameter_supported is not true: clients cannot tell which server answered (mix-up attacks)",
      "Include iss in authorization responses and advertise authorization_response_iss_parameter_supported: true (RFC 9207; MCP 2026-07-28 authorization)."),
    // MCP 2026-07-28 basic/authorization/client-registration §Client ID Metadata Documents: DCR is deprecated.
    finding("client-id-metadata", cimd, cimd ? "Client ID Metadata Documents are offered" : dcr ? "only Dynamic Client Registration, which MCP 2026-07-28 deprecates" : "no Client ID Metadata Documents",
      "Accept Client ID Metadata Documents (HTTPS client_id URLs) and advertise client_id_metadata_document_supported: true; keep DCR only for older clients."),
    finding("id-jag", idJag, idJag ? "the enterprise-managed authorization profile (ID-JAG) is advertised" : "no enterprise-managed authorization (ID-JAG) profile", "Advertise and accept ID-JAG (urn:ietf:params:oauth:grant-profile:id-jag) for enterprise SSO."),
  ];
  const facts = {
    issuerMatches,
    pkceS256,
    implicitGrant: implicit,
    dynamicClientRegistration: dcr,
    clientIdMetadataDocuments: cimd,
    issParameterSupported: iss,
    refreshTokenGrant: effectiveGrants.includes("refresh_token"),
    clientCredentialsGrant: effectiveGrants.includes("client_credentials"),
    idJag,
    grantTypesSupported: grants ?? null,
    tokenEndpoint: typeof doc.token_endpoint === "string" ? doc.token_endpoint : null,
  };
  return { findings, facts, verdict: verdictOf(findings, DECIDING) };
}
