// HTTP status (+ the headers that matter) → class. Used for http-error outcomes, and for JSON-RPC
// errors or structured tool errors that carry an auth, rate-limit or gateway status.
import type { RunPath } from "../probe/probe-record";
import type { HeaderEvidence } from "../probe/step-outcome";
import { gatewaySign, jsonRpcErrorIn } from "./gateway-signs";
import { classifyRpcCode } from "./rpc-code-rules";
import { verdict, type Verdict } from "./verdict";
import { parseWwwAuthenticate } from "./www-authenticate";

export interface HttpEvidence {
  status: number;
  headers: HeaderEvidence;
  /** Body excerpt, or the JSON-RPC message when the status came with one. */
  body?: string;
  expiredAtSend: boolean;
  path: RunPath;
}

const expiryWords = /expired|expir|期限切れ|有効期限/i;

export function classifyHttpStatus(e: HttpEvidence): Verdict {
  const s = e.status;
  if (s === 401) return unauthorized(e);
  if (s === 403) return forbidden(e);
  if (s === 407) return verdict("gateway_error", "code", "HTTP 407: a proxy between us and the server wants its own credentials", "intermediary");
  if (s === 408) return verdict("timeout", "code", "HTTP 408: the server timed out waiting for the request");
  if (s === 429) return verdict("rate_limited", "code", `HTTP 429${retryAfter(e.headers)}`);
  if (s === 404 || s === 410) return verdict("not_found", "code", `HTTP ${s}: the endpoint, session or resource does not exist`);
  if (s === 405 || s === 406 || s === 415) return verdict("protocol_error", "code", `HTTP ${s}: the server refused the transport's method or media type`);
  if (s === 502 || s === 503 || s === 504) return gatewayStatus(e);
  if (s >= 500 && s <= 599) return verdict("server_error", "code", `HTTP ${s}`);
  if (s >= 400 && s <= 499) return clientStatus(e);
  return verdict("protocol_error", "code", `HTTP ${s} where the protocol expects a 2xx answer or an error status`);
}

function unauthorized(e: HttpEvidence): Verdict {
  const challenge = parseWwwAuthenticate(e.headers["www-authenticate"]);
  const error = challenge?.params["error"];
  if (e.expiredAtSend) return verdict("auth_expired", "code", "HTTP 401 and the token was past its expiry when sent");
  const description = `${challenge?.params["error_description"] ?? ""} ${e.body ?? ""}`;
  if ((error === undefined || error === "invalid_token") && expiryWords.test(description)) {
    return verdict("auth_expired", "inferred", `HTTP 401${error ? ` with error="${error}"` : ""} whose description says the token expired`);
  }
  if (error !== undefined) return verdict("auth_invalid", "code", `HTTP 401 with WWW-Authenticate error="${error}"`);
  return verdict("auth_invalid", "code", "HTTP 401: the credential was not accepted");
}

function forbidden(e: HttpEvidence): Verdict {
  const error = parseWwwAuthenticate(e.headers["www-authenticate"])?.params["error"];
  if (error === "insufficient_scope") return verdict("auth_forbidden", "code", 'HTTP 403 with WWW-Authenticate error="insufficient_scope"');
  if (error === "invalid_token") {
    if (e.expiredAtSend) return verdict("auth_expired", "code", 'HTTP 403 with error="invalid_token" and the token was past its expiry when sent');
    return verdict("auth_invalid", "code", 'HTTP 403 with WWW-Authenticate error="invalid_token"');
  }
  return verdict("auth_forbidden", "code", "HTTP 403: authenticated but not allowed");
}

function gatewayStatus(e: HttpEvidence): Verdict {
  const s = e.status;
  const upstream = jsonRpcErrorIn(e.body);
  // A JSON-RPC error body means the MCP server answered: its overload, not the gateway's.
  if (upstream !== undefined) return verdict("server_error", "code", `HTTP ${s} carrying the server's JSON-RPC error ${upstream.code}`);
  if (e.path === "gateway") return verdict("gateway_error", "code", `HTTP ${s} on the gateway path`, "intermediary");
  const sign = gatewaySign(e.headers, e.body);
  // On the direct path any proxy that answers is the vendor's own edge (load balancer, CDN).
  if (sign !== undefined) return verdict("gateway_error", "code", `HTTP ${s} from the vendor's edge (${sign})`, "vendor");
  if (s === 504) return verdict("timeout", "code", "HTTP 504 with no sign of an intermediary");
  return verdict("server_error", "code", `HTTP ${s}${s === 503 ? retryAfter(e.headers) : ""} with no sign of an intermediary`);
}

function clientStatus(e: HttpEvidence): Verdict {
  const rpc = jsonRpcErrorIn(e.body);
  if (rpc !== undefined) {
    const match = classifyRpcCode(rpc.code, rpc.message);
    if (match !== undefined) return verdict(match.errorClass, match.confidence, `HTTP ${e.status} with ${match.decidedBy}`);
  }
  // The SDK's "No valid session ID provided": the server lost (or never kept) the session it issued.
  if (e.status === 400 && e.body !== undefined && /(no valid|invalid|unknown) session/i.test(e.body)) {
    return verdict("not_found", "inferred", "HTTP 400 whose body says the session is not valid");
  }
  return verdict("invalid_input", "code", `HTTP ${e.status}: the server rejected the request`);
}

function retryAfter(headers: HeaderEvidence): string {
  const value = headers["retry-after"];
  return value === undefined ? "" : ` with Retry-After: ${value}`;
}
