// One OTLP span → one reported outcome, under the OpenTelemetry semantic conventions for MCP
// (https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/mcp.md):
//
//   span is an MCP call      mcp.method.name present and span kind CLIENT (an agent's own call; a server's spans
//                            describe the server, not a call an agent made)        else skipped: not_mcp_client
//   service                  kensa.service.id (span, then resource) when set; else server.address → catalogue host
//   success                  no error.type and status ≠ ERROR
//   error class              error.type (else rpc.response.status_code): a taxonomy name as is; a JSON-RPC code,
//                            an HTTP status or a system error code through core's classification rules; anything
//                            else (tool_error, exception type names) stays unclassified
//   latency                  end − start, in whole milliseconds
//   protocol era             mcp.protocol.version ≥ 2026-07-28 → modern, older → initialize
//   report id                otlp:<trace id>:<span id> — an exporter's retry of the same batch stores nothing new
// Span text (status message, arguments, results) is never stored: it is where secrets and personal data live.
import { classifyHttpStatus } from "../../classify/http-status-rules";
import { classifyNetworkError } from "../../classify/network-rules";
import { classifyRpcCode } from "../../classify/rpc-code-rules";
import { ErrorClass } from "../../taxonomy/error-classes";
import type { ProtocolEra } from "../../probe/probe-record";
import { reportLimits, type ReportOutcomeInput } from "../reported-outcome";
import type { OtlpSpan } from "./otlp-span";
import { serviceForHost, type ServiceHostIndex } from "./service-hosts";

export const modernEraFrom = "2026-07-28";
const clientKind = 3;
const errorStatus = 2;

export type SpanSkip = "not_mcp_client" | "no_service" | "unknown_service" | "ambiguous_service" | "bad_span";
export type SpanMapping = { kind: "report"; report: ReportOutcomeInput } | { kind: "skip"; reason: SpanSkip; detail: string };

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : typeof v === "number" ? String(v) : undefined);

export function errorClassOf(errorType: string): ErrorClass | undefined {
  const named = ErrorClass.safeParse(errorType);
  if (named.success) return named.data;
  if (/^-?\d+$/.test(errorType)) {
    const code = Number(errorType);
    if (code < 0) return classifyRpcCode(code, "")?.errorClass;
    if (code >= 400 && code <= 599) return classifyHttpStatus({ status: code, headers: {}, expiredAtSend: false, path: "direct" }).errorClass;
    return undefined;
  }
  if (/^E[A-Z_]+$|^(CERT_|ERR_TLS_|ERR_SSL_|UND_ERR_)/.test(errorType)) {
    if (errorType === "ETIMEDOUT") return "timeout";
    return classifyNetworkError(errorType, "", "direct").errorClass;
  }
  return undefined;
}

export function protocolEraOf(version: string | undefined): ProtocolEra | undefined {
  if (version === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(version)) return undefined;
  return version >= modernEraFrom ? "modern" : "initialize";
}

export function spanToReport(span: OtlpSpan, hosts: ServiceHostIndex): SpanMapping {
  const method = str(span.attributes["mcp.method.name"]);
  if (method === undefined || span.kind !== clientKind) return { kind: "skip", reason: "not_mcp_client", detail: `span "${span.name.slice(0, 80)}" is not an MCP client span` };
  if (!/^[0-9a-f]{32}$/.test(span.traceId) || !/^[0-9a-f]{16}$/.test(span.spanId) || span.endNs < span.startNs) {
    return { kind: "skip", reason: "bad_span", detail: "expected 16-byte trace id, 8-byte span id and an end after the start" };
  }
  const explicit = str(span.attributes["kensa.service.id"]) ?? str(span.resource["kensa.service.id"]);
  let serviceId = explicit;
  if (serviceId === undefined) {
    const address = str(span.attributes["server.address"]);
    if (address === undefined) return { kind: "skip", reason: "no_service", detail: "neither kensa.service.id nor server.address is set" };
    const match = serviceForHost(hosts, address);
    if (match.kind === "unknown") return { kind: "skip", reason: "unknown_service", detail: `server.address ${address.slice(0, 100)} is not a catalogued service's host` };
    if (match.kind === "ambiguous") return { kind: "skip", reason: "ambiguous_service", detail: `server.address ${address} is shared by ${match.serviceIds.join(", ")}: set kensa.service.id` };
    serviceId = match.serviceId;
  }
  const errorType = str(span.attributes["error.type"]) ?? (span.statusCode === errorStatus ? str(span.attributes["rpc.response.status_code"]) : undefined);
  const failed = errorType !== undefined || span.statusCode === errorStatus;
  const latencyMs = Math.min(Number((span.endNs - span.startNs) / 1_000_000n), reportLimits.latencyMsMax);
  const era = protocolEraOf(str(span.attributes["mcp.protocol.version"]));
  const errorClass = failed && errorType !== undefined ? errorClassOf(errorType) : undefined;
  const report: ReportOutcomeInput = {
    reportId: `otlp:${span.traceId}:${span.spanId}`,
    serviceId,
    success: !failed,
    latencyMs,
    ...(errorClass ? { errorClass } : {}),
    ...(era ? { protocolEra: era } : {}),
    method: method.slice(0, reportLimits.methodMax),
  };
  return { kind: "report", report };
}
