// Where an OAuth grant may go when the catalogue names no token URL: RFC 9728 → RFC 8414 discovery, checked
// the way both require before a client secret or refresh token leaves. The protected-resource metadata must
// name this endpoint as its `resource`, the authorization server's metadata must carry the issuer it was
// discovered for, and neither it nor the token endpoint may drop an https endpoint to plain http.
import type { StepOutcome } from "@kensa/core";
import type { Discovery, Lookup } from "../discovery/discovery";
import { issuerMatches, resourceMatches } from "../discovery/metadata-identity";
import type { Redactor } from "../evidence/redactor";

export type TokenEndpoint =
  | { ok: true; url: string }
  /** Nothing may be sent: the grant step fails with this outcome, its reason as the evidence. */
  | { ok: false; outcome: StepOutcome; reason: string };

export async function discoverTokenEndpoint(discovery: Discovery | undefined, redactor: Redactor): Promise<TokenEndpoint> {
  if (!discovery) return refused("no token URL is configured, and a stdio server has no OAuth metadata to discover one");
  const endpoint = discovery.endpoint;
  const shown = (value: unknown) => redactor.excerpt(value === undefined ? "nothing" : JSON.stringify(value), 160);
  const at = (url: string) => redactor.redactUrl(url);

  const prm = await discovery.protectedResource();
  if (!prm.found) return absent(prm, "RFC 9728 protected-resource metadata", at);
  const resource = prm.found.json.resource;
  if (typeof resource !== "string" || !resourceMatches(resource, endpoint, prm.found.url)) {
    return refused(`RFC 9728 §3.3: the protected-resource metadata at ${at(prm.found.url)} names resource ${shown(resource)}, not this endpoint (${at(endpoint.href)}); it must not be used`);
  }
  const servers = prm.found.json.authorization_servers;
  const issuer = Array.isArray(servers) && typeof servers[0] === "string" && URL.canParse(servers[0]) ? servers[0] : undefined;
  if (!issuer) return refused(`the protected-resource metadata at ${at(prm.found.url)} names no authorization server (authorization_servers: ${shown(servers)})`);
  if (downgrades(endpoint, issuer)) return refused(`the authorization server ${at(issuer)} is not https, but the endpoint is`);

  const as = await discovery.authorizationServer(issuer);
  if (!as.found) return absent(as, `RFC 8414 metadata for the issuer ${at(issuer)}`, at);
  if (!issuerMatches(as.found.json.issuer, issuer)) {
    return refused(`RFC 8414 §3.3: the metadata at ${at(as.found.url)} declares issuer ${shown(as.found.json.issuer)}, but it was discovered for ${at(issuer)}; it must not be used`);
  }
  const tokenUrl = as.found.json.token_endpoint;
  if (typeof tokenUrl !== "string" || !URL.canParse(tokenUrl) || !/^https?:$/.test(new URL(tokenUrl).protocol)) {
    return refused(`the metadata of ${at(issuer)} has no http(s) token_endpoint (got ${shown(tokenUrl)})`);
  }
  if (downgrades(endpoint, tokenUrl)) return refused(`the token endpoint ${at(tokenUrl)} is not https, but the endpoint is`);
  return { ok: true, url: tokenUrl };
}

function downgrades(endpoint: URL, url: string): boolean {
  return endpoint.protocol === "https:" && new URL(url).protocol !== "https:";
}

function refused(reason: string): TokenEndpoint {
  return { ok: false, reason, outcome: { kind: "protocol-violation", violation: "unexpected-response", detail: `no token request was sent: ${reason}` } };
}

/** Absent metadata is the server's; metadata that could not be fetched keeps the fetch's own outcome. */
function absent(lookup: Lookup, what: string, at: (url: string) => string): TokenEndpoint {
  const tried = lookup.attempts.map((a) => `${at(a.url)} → ${a.ok ? a.status : a.failure.kind}`).join(", ");
  const reason = `no ${what} was found (${tried || "nothing to try"}), so there is no token endpoint to use`;
  const failed = lookup.attempts.findLast((a) => !a.ok);
  return failed && !failed.ok ? { ok: false, reason, outcome: failed.failure } : refused(reason);
}
