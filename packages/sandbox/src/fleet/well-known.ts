// The documents beside each endpoint: RFC 9728 protected-resource metadata (right or deliberately wrong),
// the registry-style server.json, and the gateway's own metadata and signing key.
import type { Fleet, ServiceRuntime } from "./service-runtime";

export function protectedResourceDocument(rt: ServiceRuntime, fleet: Fleet): Record<string, unknown> | null {
  const kind = rt.profile.metadata.protectedResource;
  if (!rt.as || kind === "missing") return null;
  return {
    resource: kind === "wrong-resource" ? `${fleet.baseUrl}/mcp` : rt.urls.mcp,
    ...(kind === "no-authorization-servers" ? {} : { authorization_servers: [rt.as.issuer] }),
    scopes_supported: ["mcp:read", "mcp:write"],
    bearer_methods_supported: ["header"],
    resource_name: rt.entry.name.en,
  };
}

export function gatewayProtectedResourceDocument(rt: ServiceRuntime, fleet: Fleet): Record<string, unknown> {
  return {
    resource: rt.urls.gatewayMcp,
    authorization_servers: [fleet.gatewayAs.issuer],
    scopes_supported: ["mcp:read"],
    bearer_methods_supported: ["header"],
    resource_name: `${rt.entry.name.en} (through the Kensa reference gateway)`,
  };
}

/** An MCP Registry server.json: consistent with what the server says, or disagreeing on version and URL. */
export function serverJsonDocument(rt: ServiceRuntime): Record<string, unknown> | null {
  if (rt.profile.serverCard === "none") return null;
  const consistent = rt.profile.serverCard === "consistent";
  return {
    $schema: "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json",
    name: `jp.kensa.sandbox/${rt.id}`,
    title: rt.entry.name.en,
    description: `Kensa sandbox simulation of ${rt.entry.name.en} (${rt.entry.category})`,
    version: consistent ? "1.0.0" : "0.9.0",
    remotes: [{ type: "streamable-http", url: consistent ? rt.urls.mcp : `${rt.urls.mcp}-v0` }],
    _meta: { "jp.kensa/sandbox": { serverInfoName: `${rt.id}-mcp` } },
  };
}

export function gatewayJwks(fleet: Fleet): Record<string, unknown> {
  return { keys: [{ ...fleet.gatewayKey.publicKey.export({ format: "jwk" }), kid: fleet.gatewayKey.kid, alg: "EdDSA", use: "sig" }] };
}
