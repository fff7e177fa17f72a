// One request router for the whole fleet: services under /s/<id>/, the gateway under /g/<id>/, and the
// path-aware .well-known documents (RFC 9728 / RFC 8414 / OIDC) for both.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleGateway } from "../gateway/reference-gateway";
import { handleMcp } from "../mcp/mcp-endpoint";
import { sendJson } from "../util/http";
import type { Fleet, ServiceRuntime } from "./service-runtime";
import { gatewayJwks, gatewayProtectedResourceDocument, protectedResourceDocument, serverJsonDocument } from "./well-known";

type Handler = (req: IncomingMessage, res: ServerResponse, rt: ServiceRuntime) => Promise<void> | void;

const document = (res: ServerResponse, doc: Record<string, unknown> | null) =>
  doc ? sendJson(res, 200, doc, { "cache-control": "max-age=300" }) : sendJson(res, 404, { error: "not_found" });

const serviceRoutes: [RegExp, (fleet: Fleet, m: RegExpExecArray) => Handler][] = [
  [/^\/s\/([^/]+)\/mcp$/, (fleet) => (req, res, rt) => handleMcp(req, res, rt, fleet)],
  [/^\/g\/([^/]+)\/mcp$/, (fleet) => (req, res, rt) => handleGateway(req, res, rt, fleet)],
  [/^\/s\/([^/]+)\/auth\/(authorize|token|register)$/, (_f, m) => (req, res, rt) => (rt.as ? rt.as.handle(req, res, m[2]!) : sendJson(res, 404, { error: "not_found" }))],
  [/^\/s\/([^/]+)\/auth\/\.well-known\/openid-configuration$/, () => (_req, res, rt) => document(res, rt.as?.metadataDocument("oidc") ?? null)],
  [/^\/\.well-known\/openid-configuration\/s\/([^/]+)\/auth$/, () => (_req, res, rt) => document(res, rt.as?.metadataDocument("oidc") ?? null)],
  [/^\/\.well-known\/oauth-authorization-server\/s\/([^/]+)\/auth$/, () => (_req, res, rt) => document(res, rt.as?.metadataDocument("oauth") ?? null)],
  [/^\/\.well-known\/oauth-protected-resource\/s\/([^/]+)\/mcp$/, (fleet) => (_req, res, rt) => document(res, protectedResourceDocument(rt, fleet))],
  [/^\/\.well-known\/oauth-protected-resource\/g\/([^/]+)\/mcp$/, (fleet) => (_req, res, rt) => document(res, gatewayProtectedResourceDocument(rt, fleet))],
  [/^\/s\/([^/]+)\/server\.json$/, () => (_req, res, rt) => document(res, serverJsonDocument(rt))],
];

function index(fleet: Fleet): Record<string, unknown> {
  return {
    name: "Kensa sandbox fleet (simulated services; every result from it is sandbox data)",
    services: [...fleet.services.values()].map((rt) => ({ id: rt.id, name: rt.entry.name.en, profile: rt.entry.sandbox.profile, url: rt.urls.mcp, gateway: rt.urls.gatewayMcp })),
  };
}

export async function route(req: IncomingMessage, res: ServerResponse, fleet: Fleet): Promise<void> {
  const path = new URL(req.url ?? "/", fleet.baseUrl).pathname;
  if (path === "/" && req.method === "GET") return sendJson(res, 200, index(fleet));
  if (path === "/health") return sendJson(res, 200, { ok: true, services: fleet.services.size, clock: new Date(fleet.clock.now()).toISOString() });
  if (path === "/g/.well-known/jwks.json") return sendJson(res, 200, gatewayJwks(fleet));
  const gatewayAs = /^\/g\/auth\/(authorize|token|register)$/.exec(path);
  if (gatewayAs) return fleet.gatewayAs.handle(req, res, gatewayAs[1]!);
  if (path === "/.well-known/oauth-authorization-server/g/auth") return document(res, fleet.gatewayAs.metadataDocument("oauth"));
  if (path === "/.well-known/openid-configuration/g/auth") return document(res, fleet.gatewayAs.metadataDocument("oidc"));
  for (const [pattern, make] of serviceRoutes) {
    const match = pattern.exec(path);
    if (!match) continue;
    const rt = fleet.services.get(decodeURIComponent(match[1]!));
    if (!rt) return sendJson(res, 404, { error: "not_found", error_description: `no sandbox service "${match[1]}"` });
    return make(fleet, match)(req, res, rt);
  }
  sendJson(res, 404, { error: "not_found" });
}
