// Where the OAuth discovery documents live, in the order the MCP authorization spec tells clients to try.
// RFC 9728 §3.1: insert the well-known segment between host and path (path-aware), then the root form.
// RFC 8414 §3.1 / OIDC Discovery: for an issuer with a path, the OAuth form with the path appended, the
// OIDC form with the path appended, then the OIDC form after the path; for no path, the two root forms.

export function protectedResourceMetadataUrls(endpoint: URL): string[] {
  const path = endpoint.pathname.replace(/\/+$/, "");
  const root = `${endpoint.origin}/.well-known/oauth-protected-resource`;
  return path ? [`${root}${path}`, root] : [root];
}

export function authorizationServerMetadataUrls(issuer: URL): string[] {
  const path = issuer.pathname.replace(/\/+$/, "");
  const origin = issuer.origin;
  if (!path) return [`${origin}/.well-known/oauth-authorization-server`, `${origin}/.well-known/openid-configuration`];
  return [
    `${origin}/.well-known/oauth-authorization-server${path}`,
    `${origin}/.well-known/openid-configuration${path}`,
    `${origin}${path}/.well-known/openid-configuration`,
  ];
}

/** The MCP server card (SEP-2127) beside an endpoint. */
export function serverCardUrl(endpoint: URL): string {
  return `${endpoint.origin}/.well-known/mcp/server-card.json`;
}
