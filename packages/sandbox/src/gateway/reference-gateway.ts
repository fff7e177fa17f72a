// The reference gateway (POST /g/<id>/mcp): authenticates the caller with its own authorization server,
// forwards to the service with the gateway's credential, and passes the caller's scope downstream as a
// signed JWT claim set (with an RFC 8693 actor claim). Its own failures are 502/504, like a real proxy.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { signEdDsa } from "../auth/jwt";
import { fullScope } from "../auth/authorization-server";
import { gatewayClaimsHeader, gatewayClientId, type Fleet, type ServiceRuntime } from "../fleet/service-runtime";
import { bearerOf, readBody, sendJson } from "../util/http";
import { flattenStructuredArguments } from "./mangle-arguments";

export const gatewayServiceId = "gateway";
const via = { via: "1.1 kensa-gateway" };
const forwardedRequestHeaders = ["content-type", "accept", "mcp-protocol-version", "mcp-session-id", "last-event-id", "traceparent", "tracestate"];
/** 2026-07-28's routing headers, mirrored from the body "so intermediaries can route": passed or mangled by profile. */
const mirroredRequestHeaders = ["mcp-method", "mcp-name"];
const returnedHeaders = ["content-type", "www-authenticate", "retry-after", "mcp-session-id", "mcp-protocol-version", "cache-control"];

function upstreamCredential(rt: ServiceRuntime, fleet: Fleet): Record<string, string> {
  switch (rt.profile.auth.mode) {
    case "none":
      return {};
    case "api_key":
      return rt.keys.header ? { [rt.keys.header]: rt.keys.gateway! } : { authorization: `Bearer ${rt.keys.gateway}` };
    default: {
      let issued = fleet.gatewayUpstreamTokens.get(rt.id);
      if (!issued || issued.claims.exp * 1000 - 5_000 <= fleet.clock.now()) {
        issued = rt.as!.issueFor(gatewayClientId, fullScope);
        fleet.gatewayUpstreamTokens.set(rt.id, issued);
      }
      return { authorization: `Bearer ${issued.token}` };
    }
  }
}

export async function handleGateway(req: IncomingMessage, res: ServerResponse, rt: ServiceRuntime, fleet: Fleet): Promise<void> {
  if (req.method !== "POST") return sendJson(res, 405, { error: "method_not_allowed" }, { allow: "POST", ...via });
  const token = bearerOf(req);
  const caller = token ? fleet.tokens.check(token, gatewayServiceId) : null;
  if (!caller?.ok) {
    const error = token ? `, error="invalid_token", error_description="${caller?.reason === "expired" ? "The access token expired" : "The access token is invalid"}"` : "";
    return sendJson(res, 401, { error: token ? "invalid_token" : "unauthorized" }, { "www-authenticate": `Bearer resource_metadata="${rt.urls.gatewayResourceMetadata}", scope="mcp:read"${error}`, ...via });
  }
  const raw = await readBody(req);
  if (raw === null) return sendJson(res, 413, { error: "request_too_large" }, via);
  const draw = rt.gatewayDraws.next();
  if (draw.fail) return sendJson(res, 502, { error: "bad_gateway", error_description: "the gateway could not complete the request" }, via);
  let forward = raw;
  if (draw.mangle) {
    try {
      const mangled = flattenStructuredArguments(JSON.parse(raw.toString("utf8")));
      if (mangled) forward = Buffer.from(JSON.stringify(mangled));
    } catch {
      // not JSON: the service will say so
    }
  }
  const iat = Math.floor(fleet.clock.now() / 1000);
  const claims = signEdDsa(
    { iss: `${fleet.baseUrl}/g`, sub: caller.claims.sub, scope: caller.claims.scope, aud: rt.urls.mcp, iat, exp: iat + 60, act: { sub: gatewayClientId } },
    fleet.gatewayKey.privateKey,
    fleet.gatewayKey.kid,
  );
  const headers: Record<string, string> = { ...via, "content-length": String(forward.length), [gatewayClaimsHeader]: claims, "x-forwarded-for": req.socket.remoteAddress ?? "" };
  for (const name of forwardedRequestHeaders) if (typeof req.headers[name] === "string") headers[name] = req.headers[name] as string;
  for (const name of mirroredRequestHeaders) {
    const value = req.headers[name];
    // A naive normaliser percent-encodes header values it does not know: "tools/call" reaches the service as
    // "tools%2Fcall", which a 2026-07-28 server must refuse as a header/body mismatch.
    if (typeof value === "string") headers[name] = rt.mirroredHeaders === "mangle" ? encodeURIComponent(value) : value;
  }
  Object.assign(headers, upstreamCredential(rt, fleet));

  const target = new URL(rt.urls.mcp);
  await new Promise<void>((resolve) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers, timeout: fleet.options.gatewayTimeoutMs }, (answer) => {
      const out: Record<string, string> = { ...via };
      for (const name of returnedHeaders) if (typeof answer.headers[name] === "string") out[name] = answer.headers[name] as string;
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
      answer.on("end", resolve);
      answer.on("error", () => (res.destroy(), resolve()));
    });
    upstream.on("timeout", () => {
      upstream.destroy();
      sendJson(res, 504, { error: "gateway_timeout", error_description: "the upstream service did not answer in time" }, via);
      resolve();
    });
    upstream.on("error", () => {
      if (!res.headersSent) sendJson(res, 502, { error: "bad_gateway", error_description: "the upstream connection failed" }, via);
      else res.destroy();
      resolve();
    });
    res.on("close", () => {
      upstream.destroy();
      resolve();
    });
    upstream.end(forward);
  });
}
