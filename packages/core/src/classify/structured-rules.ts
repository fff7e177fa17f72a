// Structured error content (an isError result's structuredContent, a JSON-RPC error's data) → class.
// Looks at the object and its `error` / `errors[0]` member for a status, a JSON-RPC code or an error
// code string; a recognised one decides with confidence `code`, because the server said it in data.
import type { ErrorClass } from "../taxonomy/error-classes";

export type StructuredSignal =
  | { kind: "status"; status: number; where: string }
  | { kind: "rpc-code"; code: number; message: string; where: string }
  | { kind: "class"; errorClass: ErrorClass; where: string; value: string };

const statusKeys = ["status", "statusCode", "status_code", "httpStatus", "http_status"];
const codeStringKeys = ["code", "error", "errorCode", "error_code", "errorClass", "class", "type", "reason", "kind"];

/** Exact error-code strings → class; the suffix rules below catch the families (Slack's *_not_found). */
const codeWords: Readonly<Record<string, ErrorClass>> = {
  token_expired: "auth_expired", expired_token: "auth_expired", access_token_expired: "auth_expired", auth_expired: "auth_expired",
  invalid_token: "auth_invalid", unauthorized: "auth_invalid", unauthenticated: "auth_invalid", invalid_auth: "auth_invalid",
  not_authed: "auth_invalid", invalid_api_key: "auth_invalid", auth_invalid: "auth_invalid", authentication_failed: "auth_invalid",
  token_revoked: "auth_invalid", account_inactive: "auth_invalid",
  forbidden: "auth_forbidden", insufficient_scope: "auth_forbidden", missing_scope: "auth_forbidden", permission_denied: "auth_forbidden",
  access_denied: "auth_forbidden", not_allowed: "auth_forbidden", auth_forbidden: "auth_forbidden", no_permission: "auth_forbidden",
  not_found: "not_found", method_not_found: "not_found", unknown_method: "not_found", unknown_tool: "not_found",
  rate_limited: "rate_limited", ratelimited: "rate_limited", too_many_requests: "rate_limited", rate_limit_exceeded: "rate_limited",
  throttled: "rate_limited", quota_exceeded: "rate_limited",
  timeout: "timeout", timed_out: "timeout", deadline_exceeded: "timeout", request_timeout: "timeout",
  internal: "server_error", internal_error: "server_error", server_error: "server_error", fatal_error: "server_error",
  service_unavailable: "server_error", unavailable: "server_error",
  bad_gateway: "gateway_error", gateway_timeout: "gateway_error", upstream_error: "gateway_error",
  bad_request: "invalid_input", validation: "invalid_input", validation_error: "invalid_input", invalid_input: "invalid_input",
  invalid_request: "invalid_input", invalid_params: "invalid_input", invalid_argument: "invalid_input", invalid_arguments: "invalid_input",
  unprocessable_entity: "invalid_input",
};

function classOfCodeWord(raw: string): ErrorClass | undefined {
  const word = raw.trim().replace(/([a-z])([A-Z])/g, "$1_$2").replace(/[\s.-]+/g, "_").toLowerCase();
  if (word in codeWords) return codeWords[word];
  if (/_not_found$|^no_such_/.test(word)) return "not_found";
  if (/^(invalid|missing)_/.test(word)) return "invalid_input";
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Candidate objects, outermost first: the value, its `error` object, the first of its `errors`. */
function candidates(value: unknown): { obj: Record<string, unknown>; where: string }[] {
  if (!isRecord(value)) return [];
  const found = [{ obj: value, where: "structured content" }];
  if (isRecord(value["error"])) found.push({ obj: value["error"], where: "structured error" });
  const errors = value["errors"];
  if (Array.isArray(errors) && isRecord(errors[0])) found.push({ obj: errors[0], where: "structured errors[0]" });
  return found;
}

export function structuredSignal(value: unknown): StructuredSignal | undefined {
  for (const { obj, where } of candidates(value)) {
    for (const key of statusKeys) {
      const v = obj[key];
      if (typeof v === "number" && v >= 400 && v <= 599) return { kind: "status", status: v, where: `${where} ${key}=${v}` };
    }
    const code = obj["code"];
    if (typeof code === "number" && Number.isInteger(code)) {
      const message = typeof obj["message"] === "string" ? obj["message"] : "";
      if (code <= -32000 && code >= -32768) return { kind: "rpc-code", code, message, where: `${where} code=${code}` };
      if (code >= 400 && code <= 599) return { kind: "status", status: code, where: `${where} code=${code}` };
    }
    for (const key of codeStringKeys) {
      const v = obj[key];
      if (typeof v !== "string" || v.length > 64) continue;
      const errorClass = classOfCodeWord(v);
      if (errorClass !== undefined) return { kind: "class", errorClass, where: `${where} ${key}="${v}"`, value: v };
    }
  }
  return undefined;
}
