// OTLP intake: the MCP client spans of one export request become reported outcomes, each through
// reportOutcome (same scope, limits, idempotency and storage as the MCP tool). Spans that are not MCP client
// calls, or that name no catalogued service, are skipped and counted; the answer is OTLP's partial success,
// so an exporter learns how many spans were rejected and why without retrying the batch.
import { serviceHostIndex, spanToReport, type OtlpSpan, type SpanSkip } from "@kensa/core";
import { readServiceUrls, type VerifiedToken } from "@kensa/db";
import { reportOutcome, type ReportOutcomeDeps, type ReportOutcomeError } from "./report-outcome";

export interface OtlpIngestResult {
  stored: number;
  duplicates: number;
  /** Spans not stored: skipped (not an MCP client span, unknown service) or rejected (rate limit, bad values). */
  rejected: number;
  skipped: Partial<Record<SpanSkip, number>>;
  errors: Partial<Record<ReportOutcomeError["code"], number>>;
  /** One line for OTLP's partialSuccess.errorMessage; empty when every span was stored or a replay. */
  message: string;
  /** Set when every span met the same authorisation failure: the whole request is refused. */
  refused?: ReportOutcomeError;
  retryAfterSec?: number;
}

export async function ingestOtlpTraces(deps: Omit<ReportOutcomeDeps, "channel">, token: VerifiedToken | null, spans: readonly OtlpSpan[]): Promise<OtlpIngestResult> {
  const result: OtlpIngestResult = { stored: 0, duplicates: 0, rejected: 0, skipped: {}, errors: {}, message: "" };
  // Authorisation does not depend on the span: decide it once, before reading the catalogue.
  const gate = await reportOutcome({ ...deps, channel: "otlp" }, token, undefined);
  if (!gate.ok && (gate.error.code === "unauthorized" || gate.error.code === "forbidden")) return { ...result, rejected: spans.length, refused: gate.error };

  const hosts = serviceHostIndex(await readServiceUrls(deps.db));
  const notes: string[] = [];
  for (const span of spans) {
    const mapped = spanToReport(span, hosts);
    if (mapped.kind === "skip") {
      result.rejected++;
      result.skipped[mapped.reason] = (result.skipped[mapped.reason] ?? 0) + 1;
      if (notes.length < 3) notes.push(mapped.detail);
      continue;
    }
    const outcome = await reportOutcome({ ...deps, channel: "otlp" }, token, mapped.report);
    if (outcome.ok) {
      if (outcome.data.status === "stored") result.stored++;
      else result.duplicates++;
      continue;
    }
    result.rejected++;
    result.errors[outcome.error.code] = (result.errors[outcome.error.code] ?? 0) + 1;
    if (outcome.error.retryAfterSec !== undefined) result.retryAfterSec = outcome.error.retryAfterSec;
    if (notes.length < 3) notes.push(outcome.error.message);
  }
  result.message = notes.join("; ");
  return result;
}
