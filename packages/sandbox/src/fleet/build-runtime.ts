// Builds one service's runtime from its catalogue entry: URLs, effective profile, authorization server,
// tools, seeded draws and limiters. Pure construction; nothing listens yet.
import { mirroredHeadersOf, protocolErasOf, sandboxProfileOf, type CatalogueEntry } from "@kensa/core";
import { AuthorizationServer } from "../auth/authorization-server";
import { CallDraws, GatewayDraws } from "../behaviour/call-draws";
import { RateLimiter } from "../behaviour/rate-limiter";
import { toolsFor } from "../mcp/category-tools";
import { toolStyleOf } from "../mcp/tool-style";
import { gatewayClientId, type Fleet, type ServiceRuntime } from "./service-runtime";

export function buildRuntime(entry: CatalogueEntry, fleet: Fleet): ServiceRuntime {
  const profile = sandboxProfileOf(entry);
  const base = fleet.baseUrl;
  const id = encodeURIComponent(entry.id);
  const urls = {
    mcp: `${base}/s/${id}/mcp`,
    resourceMetadata: `${base}/.well-known/oauth-protected-resource/s/${id}/mcp`,
    issuer: `${base}/s/${id}/auth`,
    serverJson: `${base}/s/${id}/server.json`,
    gatewayMcp: `${base}/g/${id}/mcp`,
    gatewayResourceMetadata: `${base}/.well-known/oauth-protected-resource/g/${id}/mcp`,
  };
  const oauth = profile.auth.mode !== "none" && profile.auth.mode !== "api_key";
  const as = oauth ? new AuthorizationServer({ serviceId: entry.id, issuer: urls.issuer, resource: urls.mcp, auth: profile.auth, metadata: profile.metadata, tokens: fleet.tokens }) : null;
  as?.registerClient(gatewayClientId);
  const scale = fleet.options.latencyScale;
  return {
    id: entry.id,
    entry,
    profile,
    tools: toolsFor(entry.category, profile.writeTools),
    toolStyle: toolStyleOf(entry.id, profile),
    eras: protocolErasOf(entry.id, profile),
    mirroredHeaders: mirroredHeadersOf(entry.id, profile),
    urls,
    as,
    keys: { probe: null, gateway: null, header: null },
    draws: { direct: new CallDraws(fleet.seed, entry.id, "direct", profile, scale), gateway: new CallDraws(fleet.seed, entry.id, "gateway", profile, scale) },
    gatewayDraws: new GatewayDraws(fleet.seed, entry.id, profile),
    limits: { direct: new RateLimiter(profile.rateLimit, fleet.clock), gateway: new RateLimiter(profile.rateLimit, fleet.clock) },
  };
}
