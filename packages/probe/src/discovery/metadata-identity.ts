// Whether discovered OAuth metadata describes what it was fetched for. RFC 9728 §3.3: a protected resource's
// `resource` must be the identifier the well-known URL was built from (the endpoint; its origin for the root
// form). RFC 8414 §3.3: an authorization server's `issuer` must be the issuer it was discovered from.
// Metadata failing either must not be used. A trailing slash is not a difference (URLs normalise it away).

const trim = (s: string) => s.replace(/\/+$/, "");

/** Identical to the endpoint (ignoring a trailing slash), or the origin when found at the root form. */
export function resourceMatches(resource: string, endpoint: URL, foundAt: string): boolean {
  if (trim(resource) === trim(endpoint.href)) return true;
  const rootForm = foundAt === `${endpoint.origin}/.well-known/oauth-protected-resource`;
  return rootForm && trim(resource) === trim(endpoint.origin);
}

export function issuerMatches(declared: unknown, issuer: string): boolean {
  return typeof declared === "string" && trim(declared) === trim(issuer);
}
