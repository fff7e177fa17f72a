// JSON-RPC 2.0 and MCP error codes → class. Codes are the server's own statement of what went wrong,
// so a code in this table decides with confidence `code`; an unknown code falls through to the text.
import type { ErrorClass } from "../taxonomy/error-classes";

interface CodeRule {
  errorClass: ErrorClass;
  meaning: string;
}

export const rpcCodeRules: Readonly<Record<number, CodeRule>> = {
  [-32700]: { errorClass: "invalid_input", meaning: "parse error: the server could not parse the request" },
  [-32600]: { errorClass: "invalid_input", meaning: "invalid request" },
  [-32601]: { errorClass: "not_found", meaning: "method not found" },
  [-32602]: { errorClass: "invalid_input", meaning: "invalid params" },
  [-32603]: { errorClass: "server_error", meaning: "internal error" },
  [-32000]: { errorClass: "server_error", meaning: "server error (implementation-defined)" },
  [-32001]: { errorClass: "timeout", meaning: "request timeout (MCP SDK)" },
  [-32002]: { errorClass: "not_found", meaning: "resource not found (MCP)" },
  [-32003]: { errorClass: "invalid_input", meaning: "a client capability the request needs was not declared (MCP)" },
  [-32042]: { errorClass: "auth_forbidden", meaning: "URL elicitation required: a person must authorize out of band (MCP)" },
};

export interface RpcMatch {
  errorClass: ErrorClass;
  decidedBy: string;
  confidence: "code" | "inferred";
}

/** Undefined when the code says nothing the table knows; the caller then reads structured data or text. */
export function classifyRpcCode(code: number, message: string): RpcMatch | undefined {
  const rule = rpcCodeRules[code];
  if (rule !== undefined) {
    // The SDK reports an unknown tool as invalid params; a missing catalogued tool is drift, not bad input.
    if (code === -32602 && /(tool|ツール)[^.]{0,60}(not found|unknown|見つかりません)|unknown tool/i.test(message)) {
      return { errorClass: "not_found", confidence: "inferred", decidedBy: `JSON-RPC ${code} whose message names an unknown tool` };
    }
    // The SDK uses -32000 for its own "connection closed": the transport broke, the server did not answer.
    if (code === -32000 && /connection closed/i.test(message)) {
      return { errorClass: "network_error", confidence: "inferred", decidedBy: `JSON-RPC ${code} whose message says the connection closed` };
    }
    return { errorClass: rule.errorClass, confidence: "code", decidedBy: `JSON-RPC ${code} (${rule.meaning})` };
  }
  if (code <= -32000 && code >= -32099) return { errorClass: "server_error", confidence: "code", decidedBy: `JSON-RPC ${code} (implementation-defined server error)` };
  return undefined;
}
