// Reported evidence: an agent (or a team's telemetry) tells Kensa how a call to a service went. It is a source
// of its own — never a probe run, never blended into the observed reliability axis — so its contract lives
// here, beside but apart from provenance/data-source.ts. Writer (MCP tool, OTLP intake) and readers (web, API,
// MCP get_service) share these schemas.
import { z } from "zod";
import { ServiceId } from "../catalogue/catalogue-entry";
import { ErrorClass } from "../taxonomy/error-classes";
import { ProtocolEra } from "../probe/probe-record";

/** The label every reported figure carries wherever it is shown. */
export const reportedLabel = "reported" as const;


export const ReportChannel = z.enum(["mcp", "otlp"]);
export type ReportChannel = z.infer<typeof ReportChannel>;

export const reportLimits = {
  reportIdMax: 128,
  workaroundMax: 1000,
  methodMax: 100,
  /** Ten minutes: a longer "call" is a stuck client, not a latency figure. */
  latencyMsMax: 600_000,
} as const;

export const ReportOutcomeInput = z
  .strictObject({
    reportId: z.string().min(1).max(reportLimits.reportIdMax).regex(/^[A-Za-z0-9._:-]+$/, "expected letters, digits and . _ : -")
      .describe("Your own id for this report (e.g. a UUID). Sending the same id again with the same token stores nothing new: retries are safe."),
    serviceId: ServiceId.describe("The Kensa service id the call went to (search_services finds ids), e.g. \"slack\"."),
    success: z.boolean().describe("true when the call did what you asked; false when it failed."),
    latencyMs: z.number().int().min(0).max(reportLimits.latencyMsMax).describe("Wall-clock milliseconds from sending the request to the complete answer (or the failure)."),
    errorClass: ErrorClass.optional().describe("When success is false: the failure's class from Kensa's closed taxonomy (get_methodology lists them). Omit when success is true."),
    protocolEra: ProtocolEra.optional().describe("The MCP protocol era the connection used, if you know it (modern: 2026-07-28 server/discover; initialize: the initialize handshake)."),
    method: z.string().min(1).max(reportLimits.methodMax).regex(/^[A-Za-z0-9_./:-]+$/, "expected an MCP method name such as tools/call").optional()
      .describe("The MCP method called, e.g. \"tools/call\"."),
    workaround: z.string().min(1).max(reportLimits.workaroundMax).optional()
      .describe(`Optional: what you did to get past a failure, for other agents (at most ${reportLimits.workaroundMax} characters). Secrets and personal data (tokens, API keys, e-mail addresses, phone numbers, My Number) are removed before it is stored; do not send them.`),
  })
  .superRefine((report, ctx) => {
    if (report.success && report.errorClass !== undefined) {
      ctx.addIssue({ code: "custom", path: ["errorClass"], message: "expected no errorClass on a successful call (success: true)" });
    }
  });
export type ReportOutcomeInput = z.infer<typeof ReportOutcomeInput>;

/** What a stored (or replayed) report answers. */
export const ReportOutcomeOutput = z.strictObject({
  status: z.enum(["stored", "duplicate"]).describe("stored: a new reported outcome; duplicate: this report id was already stored for your token, nothing was added"),
  reportId: z.string().describe("the id you sent"),
  serviceId: z.string(),
  receivedAt: z.string().describe("when Kensa first stored this report (ISO 8601)"),
  source: z.literal(reportedLabel).describe("reported evidence: shown beside, never blended into, Kensa's own observations"),
  redactions: z.record(z.string(), z.number().int()).describe("what was removed from the workaround text, by kind (empty when nothing)"),
});
export type ReportOutcomeOutput = z.infer<typeof ReportOutcomeOutput>;

/** Reported figures for one service, as the service page, the API and get_service show them. */
export const ReportedSummary = z.strictObject({
  source: z.literal(reportedLabel),
  windowDays: z.number().int().positive(),
  reports: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  successRate: z.number().min(0).max(1).nullable(),
  distinctReporters: z.number().int().nonnegative(),
  p50Ms: z.number().nullable(),
  errorCounts: z.partialRecord(ErrorClass, z.number().int().nonnegative()),
  byChannel: z.record(ReportChannel, z.number().int().nonnegative()),
  /** True once distinct reporters reach the floor the methodology sets; until then figures are shown, never graded. */
  aboveFloor: z.boolean(),
  recentWorkarounds: z.array(z.strictObject({ text: z.string(), errorClass: ErrorClass.nullable(), receivedAt: z.string() })),
});
export type ReportedSummary = z.infer<typeof ReportedSummary>;

/** Distinct reporters before reported figures could count for anything beyond display (docs/methodology.md). */
export const reportedReporterFloor = 10;
