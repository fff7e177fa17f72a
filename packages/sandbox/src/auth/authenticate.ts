// Who is calling a sandbox service, and with what scope — or the exact 401/403 the profile prescribes:
// a resource_metadata challenge or a bare one, expired vs garbage tokens, gateway traffic verified by its
// signed caller claims, ignored, or refused.
import type { IncomingMessage } from "node:http";
import { bearerOf } from "../util/http";
import { verifyEdDsa } from "./jwt";
import { fullScope } from "./authorization-server";
import { gatewayClaimsHeader, gatewayClientId, type Fleet, type ServiceRuntime } from "../fleet/service-runtime";

export type AuthResult =
  | { ok: true; scope: string; viaGateway: boolean }
  | { ok: false; status: 401 | 403; headers: Record<string, string>; error: string; description: string };

function challenge(rt: ServiceRuntime, error?: { code: string; description: string }): Record<string, string> {
  const style = rt.profile.auth.challenge;
  if (style === "none") return {};
  const params = style === "resource-metadata" ? [`resource_metadata="${rt.urls.resourceMetadata}"`, `scope="mcp:read"`] : [`realm="${rt.id}"`];
  if (error) params.push(`error="${error.code}"`, `error_description="${error.description}"`);
  return { "www-authenticate": `Bearer ${params.join(", ")}` };
}

function unauthorized(rt: ServiceRuntime, code: string, description: string, withError: boolean): AuthResult {
  return { ok: false, status: 401, headers: challenge(rt, withError ? { code, description } : undefined), error: code, description };
}

function forbidden(description: string): AuthResult {
  return { ok: false, status: 403, headers: { "www-authenticate": `Bearer error="insufficient_scope", error_description="${description}"` }, error: "insufficient_scope", description };
}

/** A credential that is not ours: rejected properly, with the wrong status, or (a hole) accepted. */
function garbage(rt: ServiceRuntime): AuthResult {
  switch (rt.profile.auth.invalidToken) {
    case "reject-401":
      return unauthorized(rt, "invalid_token", "The access token is invalid", true);
    case "reject-403":
      return { ok: false, status: 403, headers: {}, error: "forbidden", description: "Forbidden" };
    case "accept":
      return { ok: true, scope: fullScope, viaGateway: false };
  }
}

function throughGateway(req: IncomingMessage, rt: ServiceRuntime, fleet: Fleet, gatewayScope: string): AuthResult {
  switch (rt.profile.gateway.claims) {
    case "reject":
      return forbidden("requests forwarded by a gateway are not accepted");
    case "ignore":
      return { ok: true, scope: gatewayScope, viaGateway: true };
    case "verify": {
      const token = req.headers[gatewayClaimsHeader];
      const claims = typeof token === "string" ? verifyEdDsa(token, fleet.gatewayKey.publicKey) : null;
      const fresh = claims && typeof claims.exp === "number" && claims.exp * 1000 > fleet.clock.now();
      if (!claims || !fresh || claims.aud !== rt.urls.mcp || typeof claims.scope !== "string") {
        return unauthorized(rt, "invalid_token", "missing or invalid gateway caller claims", true);
      }
      return { ok: true, scope: claims.scope, viaGateway: true };
    }
  }
}

export function authenticate(req: IncomingMessage, rt: ServiceRuntime, fleet: Fleet): AuthResult {
  const mode = rt.profile.auth.mode;
  if (mode === "none") {
    return req.headers[gatewayClaimsHeader] ? throughGateway(req, rt, fleet, fullScope) : { ok: true, scope: fullScope, viaGateway: false };
  }
  const header = mode === "api_key" ? rt.keys.header : null;
  const presented = header ? (req.headers[header.toLowerCase()] as string | undefined) : bearerOf(req);
  if (!presented) return unauthorized(rt, "unauthorized", "Authentication required", false);
  if (mode === "api_key") {
    if (presented === rt.keys.probe) return { ok: true, scope: fullScope, viaGateway: false };
    if (presented === rt.keys.gateway) return throughGateway(req, rt, fleet, fullScope);
    return garbage(rt);
  }
  const check = fleet.tokens.check(presented, rt.id);
  if (!check.ok) return check.reason === "expired" ? unauthorized(rt, "invalid_token", "The access token expired", true) : garbage(rt);
  if (check.claims.sub === gatewayClientId) return throughGateway(req, rt, fleet, check.claims.scope);
  return { ok: true, scope: check.claims.scope, viaGateway: false };
}
