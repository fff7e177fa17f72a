// Signs that an answer came from an intermediary (proxy, CDN, API gateway) rather than the MCP server:
// headers such products add, or an HTML error page where a JSON-RPC server would answer JSON.
import type { HeaderEvidence } from "../probe/step-outcome";

const proxyHeaders = ["via", "x-kensa-gateway", "x-gateway", "cf-ray", "x-amz-cf-id", "x-amzn-requestid", "x-kong-proxy-latency", "x-envoy-upstream-service-time", "x-cache", "x-served-by", "x-azure-ref", "x-goog-gateway"];
const proxyServers = /cloudflare|awselb|elb|envoy|kong|apigee|akamai|varnish|haproxy|traefik|istio|nginx|gws|azure|cloudfront/i;

/** The sign found, in words for `decidedBy`, or undefined when nothing points at an intermediary. */
export function gatewaySign(headers: HeaderEvidence, body: string | undefined): string | undefined {
  for (const name of proxyHeaders) if (headers[name] !== undefined) return `header ${name}`;
  const server = headers["server"];
  if (server !== undefined && proxyServers.test(server)) return `server: ${server}`;
  if (body !== undefined && /^\s*</.test(body)) return "an HTML error page";
  return undefined;
}

/** A JSON-RPC error object in a body means the MCP server itself answered, whatever the status. */
export function jsonRpcErrorIn(body: string | undefined): { code: number; message: string; data?: unknown } | undefined {
  if (body === undefined || !/^\s*[[{]/.test(body)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof message !== "object" || message === null) return undefined;
  const error = (message as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message: text, data } = error as { code?: unknown; message?: unknown; data?: unknown };
  if (typeof code !== "number" || !Number.isInteger(code)) return undefined;
  return { code, message: typeof text === "string" ? text : "", ...(data === undefined ? {} : { data }) };
}
