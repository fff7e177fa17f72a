// Failures below HTTP, by the system code the transport reported. Most are the network's (ours or the
// path's); a broken certificate, a refused connection or a name that does not exist at the vendor's
// published endpoint are the vendor's — but only on the direct path, where nothing else sits between.
import type { RunPath } from "../probe/probe-record";
import { verdict, type Verdict } from "./verdict";

const tlsCodes = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|HOSTNAME_MISMATCH)/;
const slowAnswerCodes = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const vendorOnDirect = new Set(["ECONNREFUSED", "ENOTFOUND"]);

export function classifyNetworkError(code: string, message: string, path: RunPath): Verdict {
  if (slowAnswerCodes.has(code)) return verdict("timeout", "code", `${code}: the server stopped answering mid-response`);
  if (tlsCodes.test(code)) return verdict("network_error", "code", `${code}: the server's TLS certificate was not accepted`, "vendor");
  if (vendorOnDirect.has(code) && path === "direct") {
    return verdict("network_error", "code", `${code} at the vendor's published endpoint`, "vendor");
  }
  const detail = message.length > 80 ? `${message.slice(0, 77)}...` : message;
  return verdict("network_error", "code", `${code || "a network failure without a code"}${detail ? `: ${detail}` : ""}`);
}
