// report_outcome: an agent reports a call it made. The MCP tool and the OTLP intake both end here, so the
// decisions are made once: reporter token with the `report` scope, input against core's closed contract,
// a tracked service, idempotency by (token, report id) — a replay answers "duplicate" and stores nothing —
// then fixed-window rate limits per token and per service, and the workaround text scrubbed before storing.
// Stored as reported evidence only (reported_outcome), never as a probe run or a rollup.
import { ReportOutcomeInput, ReportOutcomeOutput, reportedLabel, scopeAllows, scrubText, type ReportChannel } from "@kensa/core";
import { countReportedSince, findReportedOutcome, getService, storeReportedOutcome, type Database, type VerifiedToken } from "@kensa/db";
import { z } from "zod";

export { ReportOutcomeInput, ReportOutcomeOutput };

/** Fixed windows: per token across services (one agent fleet flooding), per service across tokens (many tokens
 * piling onto one vendor). Rows in reported_outcome are the counter. */
export const reportRateLimits = { windowMs: 3_600_000, perToken: 600, perService: 2_000 } as const;
export type ReportRateLimits = { windowMs: number; perToken: number; perService: number };

export const ReportOutcomeErrorCode = z.enum(["unauthorized", "forbidden", "bad_request", "not_found", "rate_limited"]);
export type ReportOutcomeErrorCode = z.infer<typeof ReportOutcomeErrorCode>;

export const ReportOutcomeError = z.strictObject({
  code: ReportOutcomeErrorCode,
  message: z.string(),
  parameter: z.string().optional().describe("the input field that was rejected"),
  expected: z.string().optional(),
  retryAfterSec: z.number().int().positive().optional().describe("rate_limited: when the window resets"),
});
export type ReportOutcomeError = z.infer<typeof ReportOutcomeError>;

export type ReportOutcomeResult = { ok: true; data: ReportOutcomeOutput } | { ok: false; error: ReportOutcomeError };

export interface ReportOutcomeDeps {
  db: Database;
  /** Epoch ms: the window and the stored received-at. */
  now: number;
  limits?: ReportRateLimits;
  channel?: ReportChannel;
}

/** What the MCP server registers as `report_outcome`: the tool's metadata beside its schemas, so the adapter
 * holds no wording of its own. Idempotent by report id; it writes, so it is not read-only. */
export const reportOutcomeTool = {
  name: "report_outcome",
  title: "Report the outcome of a call you made",
  description:
    "Tell Kensa how a call you made to a SaaS vendor's MCP server went: success, latency, the failure's class and any workaround. " +
    "Needs a Kensa reporter token (scope report). Stored as reported evidence: shown beside Kensa's own observations with the number of distinct reporters, never graded. " +
    "Send a reportId of your own: repeating it is safe and stores nothing new.",
  inputSchema: ReportOutcomeInput,
  outputSchema: ReportOutcomeOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
} as const;

const fail = (error: ReportOutcomeError): ReportOutcomeResult => ({ ok: false, error });

/** Validates, authorises, limits and stores one reported outcome. `token` is the verified reporter token (null: none sent). */
export async function reportOutcome(deps: ReportOutcomeDeps, token: VerifiedToken | null, input: unknown): Promise<ReportOutcomeResult> {
  const { db, now } = deps;
  const limits = deps.limits ?? reportRateLimits;
  if (!token) return fail({ code: "unauthorized", message: "a reporter token is required: send a Kensa API token with the report scope (kensa token create --name NAME --scope report)" });
  if (!scopeAllows(token.scopes, "report", "*")) {
    return fail({ code: "forbidden", message: `this token's scopes (${token.scopes.join(", ") || "none"}) do not include report`, expected: "a token created with --scope report" });
  }
  const parsed = ReportOutcomeInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const parameter = issue.path.map(String).join(".") || "input";
    return fail({ code: "bad_request", message: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; "), parameter, ...expectedFor(parameter) });
  }
  const report = parsed.data;
  const service = await getService(db, report.serviceId);
  if (!service || !service.active) {
    return fail({ code: "not_found", message: `no tracked service has the id "${report.serviceId}"; search_services lists the ids`, parameter: "serviceId" });
  }

  const previous = await findReportedOutcome(db, token.id, report.reportId);
  if (previous) return { ok: true, data: output("duplicate", report.reportId, previous.serviceId, previous.receivedAt, {}) };

  const windowStart = Math.floor(now / limits.windowMs) * limits.windowMs;
  const since = new Date(windowStart);
  const [byToken, byService] = await Promise.all([
    countReportedSince(db, { since, reporterTokenId: token.id }),
    countReportedSince(db, { since, serviceId: report.serviceId }),
  ]);
  if (byToken >= limits.perToken || byService >= limits.perService) {
    const retryAfterSec = Math.max(1, Math.ceil((windowStart + limits.windowMs - now) / 1000));
    const message = byToken >= limits.perToken
      ? `this token sent ${limits.perToken} reports in the current ${limits.windowMs / 60_000}-minute window`
      : `${report.serviceId} received ${limits.perService} reports in the current ${limits.windowMs / 60_000}-minute window`;
    return fail({ code: "rate_limited", message, retryAfterSec });
  }

  const scrubbed = report.workaround !== undefined ? scrubText(report.workaround) : undefined;
  const stored = await storeReportedOutcome(db, {
    reporterTokenId: token.id,
    reportId: report.reportId,
    serviceId: report.serviceId,
    success: report.success,
    latencyMs: report.latencyMs,
    errorClass: report.errorClass ?? null,
    protocolEra: report.protocolEra ?? null,
    method: report.method ?? null,
    workaround: scrubbed && scrubbed.text.length > 0 ? scrubbed.text : null,
    channel: deps.channel ?? "mcp",
    receivedAt: new Date(now),
  });
  return { ok: true, data: output(stored.stored ? "stored" : "duplicate", report.reportId, stored.serviceId, stored.receivedAt, stored.stored ? scrubbed?.redactions ?? {} : {}) };
}

function output(status: ReportOutcomeOutput["status"], reportId: string, serviceId: string, receivedAt: Date, redactions: Record<string, number>): ReportOutcomeOutput {
  return { status, reportId, serviceId, receivedAt: receivedAt.toISOString(), source: reportedLabel, redactions };
}

/** The valid choices for an enumerated field, so an agent can correct itself without reading docs. */
function expectedFor(parameter: string): { expected?: string } {
  const shape = ReportOutcomeInput.shape as Record<string, z.ZodType>;
  const field = shape[parameter];
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  return inner instanceof z.ZodEnum ? { expected: `one of ${(inner.options as string[]).join(", ")}` } : {};
}
