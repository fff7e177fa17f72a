// The closed taxonomy every failed step is classified into. One row per class: what it means,
// whether retrying the same call can help, and who is at fault unless the evidence says otherwise.
import { z } from "zod";

export const ErrorClass = z.enum([
  "auth_expired",
  "auth_invalid",
  "auth_forbidden",
  "invalid_input",
  "config_missing",
  "not_found",
  "rate_limited",
  "timeout",
  "server_error",
  "gateway_error",
  "protocol_error",
  "network_error",
  "blocked_by_policy",
]);
export type ErrorClass = z.infer<typeof ErrorClass>;

/** Who a failure is attributed to; only `vendor` failures count against a vendor's reliability. */
export const Fault = z.enum(["vendor", "client", "intermediary"]);
export type Fault = z.infer<typeof Fault>;

export interface ErrorClassInfo {
  description: string;
  retryable: boolean;
  defaultFault: Fault;
}

export const errorClasses: Record<ErrorClass, ErrorClassInfo> = {
  auth_expired: { description: "A credential that used to work has expired (token lifetime ran out).", retryable: true, defaultFault: "vendor" },
  auth_invalid: { description: "The credential was rejected as unknown, malformed or revoked.", retryable: false, defaultFault: "client" },
  auth_forbidden: { description: "Authenticated, but not allowed: missing scope or permission.", retryable: false, defaultFault: "client" },
  invalid_input: { description: "The request's arguments failed the server's validation.", retryable: false, defaultFault: "client" },
  config_missing: { description: "A local (stdio) server could not start or stopped before answering because of the client's setup: a credential or setting it was not given, or a command that is not installed.", retryable: false, defaultFault: "client" },
  not_found: { description: "The tool, resource, session or endpoint does not exist.", retryable: false, defaultFault: "vendor" },
  rate_limited: { description: "The server asked the caller to slow down (429 or equivalent).", retryable: true, defaultFault: "client" },
  timeout: { description: "No complete answer within the step's time bound.", retryable: true, defaultFault: "vendor" },
  server_error: { description: "The server failed while handling a valid request (5xx, internal error).", retryable: true, defaultFault: "vendor" },
  gateway_error: { description: "An intermediary (gateway, proxy, load balancer) failed or refused (502/503/504).", retryable: true, defaultFault: "intermediary" },
  protocol_error: { description: "The answer broke the MCP / JSON-RPC / HTTP contract (malformed, oversized, wrong type).", retryable: false, defaultFault: "vendor" },
  network_error: { description: "The connection could not be made or was cut (DNS, refused, reset, TLS).", retryable: true, defaultFault: "intermediary" },
  blocked_by_policy: { description: "Kensa refused to send or follow the request (private address, redirect limit).", retryable: false, defaultFault: "vendor" },
};

export const allErrorClasses: readonly ErrorClass[] = ErrorClass.options;
