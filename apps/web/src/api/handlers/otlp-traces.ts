// POST /v1/traces — OTLP/HTTP trace intake (JSON or protobuf, optionally gzip), authenticated by a reporter
// token (Authorization: Bearer, scope report). Spans become reported outcomes through ingestOtlpTraces; the
// answer follows OTLP/HTTP: 200 with partial success counts, 400 for an unreadable body, 401/403 for the
// token, 413 past the size limit, 415 for other media types, 429 with Retry-After when every span was limited.
import { gunzipSync } from "node:zlib";
import { decodeOtlpJson, decodeOtlpProtobuf, encodeExportTraceResponse, encodeRpcStatus, httpStatusForCode, OtlpDecodeError, scopeAllows, type OtlpSpan } from "@kensa/core";
import type { Database } from "@kensa/db";
import { ingestOtlpTraces, reporterFromAuthorization, type ReportRateLimits } from "@kensa/services";

export const otlpMaxBodyBytes = 4 * 1024 * 1024;

export interface OtlpTracesDeps {
  db: Database;
  now: number;
  limits?: ReportRateLimits;
}

type Encoding = "json" | "protobuf";

/** google.rpc.Code for each HTTP status this handler answers with an error. */
const rpcCode: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8 };

function respond(encoding: Encoding, status: number, body: { rejected: number; message: string } | { error: string }, headers: Record<string, string> = {}): Response {
  const common = { "Cache-Control": "no-store", ...headers };
  if ("error" in body) {
    if (encoding === "protobuf") return new Response(encodeRpcStatus(rpcCode[status] ?? 2, body.error), { status, headers: { ...common, "Content-Type": "application/x-protobuf" } });
    return new Response(JSON.stringify({ code: rpcCode[status] ?? 2, message: body.error }), { status, headers: { ...common, "Content-Type": "application/json" } });
  }
  if (encoding === "protobuf") return new Response(encodeExportTraceResponse(body.rejected, body.message), { status, headers: { ...common, "Content-Type": "application/x-protobuf" } });
  const partial = body.rejected > 0 || body.message ? { partialSuccess: { rejectedSpans: String(body.rejected), errorMessage: body.message } } : {};
  return new Response(JSON.stringify(partial), { status, headers: { ...common, "Content-Type": "application/json" } });
}

async function readBody(request: Request): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > otlpMaxBodyBytes) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > otlpMaxBodyBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.length;
  }
  return body;
}

export async function otlpTracesHandler(request: Request, deps: OtlpTracesDeps): Promise<Response> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const encoding: Encoding | null = mediaType === "application/json" ? "json" : mediaType === "application/x-protobuf" || mediaType === "application/protobuf" ? "protobuf" : null;
  if (!encoding) return respond("json", 415, { error: `expected Content-Type application/x-protobuf or application/json, got "${mediaType || "none"}"` });

  const token = await reporterFromAuthorization(deps.db, request.headers.get("authorization"));
  if (!token) {
    return respond(encoding, 401, { error: "send a Kensa reporter token as Authorization: Bearer <token> (kensa token create --scope report)" }, { "WWW-Authenticate": 'Bearer realm="kensa"' });
  }

  // Refused before the body is read: a token that may not report costs us no decoding.
  if (!scopeAllows(token.scopes, "report", "*")) return respond(encoding, 403, { error: `this token's scopes (${token.scopes.join(", ") || "none"}) do not include report` });

  let raw = await readBody(request);
  if (raw === null) return respond(encoding, 413, { error: `the body exceeds ${otlpMaxBodyBytes} bytes: export smaller batches` });
  const contentEncoding = (request.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (contentEncoding === "gzip") {
    try {
      raw = new Uint8Array(gunzipSync(raw, { maxOutputLength: otlpMaxBodyBytes }));
    } catch {
      return respond(encoding, 400, { error: `the gzip body is corrupt or inflates past ${otlpMaxBodyBytes} bytes` });
    }
  } else if (contentEncoding !== "identity") {
    return respond(encoding, 415, { error: `unsupported Content-Encoding "${contentEncoding}": send gzip or none` });
  }

  let spans: OtlpSpan[];
  try {
    spans = encoding === "protobuf" ? decodeOtlpProtobuf(raw) : decodeOtlpJson(JSON.parse(new TextDecoder().decode(raw)));
  } catch (error) {
    if (error instanceof OtlpDecodeError || error instanceof SyntaxError) return respond(encoding, 400, { error: `unreadable OTLP ${encoding} body: ${error.message}` });
    throw error;
  }

  const result = await ingestOtlpTraces({ db: deps.db, now: deps.now, ...(deps.limits ? { limits: deps.limits } : {}) }, token, spans);
  if (result.refused) return respond(encoding, httpStatusForCode[result.refused.code], { error: result.refused.message });
  // Nothing stored and something limited: 429 tells the exporter to retry later (replays are harmless).
  const allLimited = result.stored === 0 && result.duplicates === 0 && (result.errors.rate_limited ?? 0) > 0;
  if (allLimited) return respond(encoding, 429, { error: result.message }, { "Retry-After": String(result.retryAfterSec ?? 60) });
  return respond(encoding, 200, { rejected: result.rejected, message: result.message });
}
