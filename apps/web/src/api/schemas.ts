// The public API's response contract (/api/v1). Handlers build these shapes, tests validate against them,
// and /api/openapi.json is generated from them: change a field here and all three follow. What a grade
// holds (findings, axes, caps, fixes, next grade) is core's GradeReport: those schemas derive from it.
import { z } from "zod";
import {
  AppliedCapReport, AuthMethod, AxisName, AxisReport, Coverage as CoreCoverage, CoverageReason as CoreCoverageReason, DataSource as CoreDataSource, ErrorClass, EvidenceStatus as CoreEvidenceStatus,
  Finding as CoreFinding, FixReport, FutureGrade as CoreFutureGrade, Grade as CoreGrade, NextGradeReport, PackageFinding as CorePackageFinding, ReportedSummary as CoreReportedSummary, RunPath, ShownAuthMethod as CoreShownAuthMethod,
} from "@kensa/core";

export const apiRegistry = z.registry<{ id: string; description?: string }>();

export const Grade = CoreGrade.register(apiRegistry, { id: "Grade", description: "AEO grade band, AAA (best) … D" });
export const EvidenceStatus = CoreEvidenceStatus.register(apiRegistry, { id: "EvidenceStatus" });
export const DataSource = CoreDataSource.register(apiRegistry, { id: "DataSource", description: "sandbox data is simulated" });
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
/** Every source behind a figure, in core's table order (live before sandbox); empty when there was no data. */
const DataSources = z.array(DataSource);
const ErrorCounts = z.partialRecord(ErrorClass, z.number().int().nonnegative()).register(apiRegistry, { id: "ErrorCounts", description: "failed steps per error class" });

export const ShownAuthMethod = CoreShownAuthMethod.extend({
  basis: CoreShownAuthMethod.shape.basis.describe("declared: as the catalogue declares it (with a source, or unknown); observed: the catalogue says unknown and this is what the newest grade's readiness checks observed"),
}).register(apiRegistry, { id: "ShownAuthMethod", description: "the auth method pages show and the auth filter matches" });

export const GradeSummary = z.object({
  grade: Grade,
  score: z.number(),
  scoreBeforeCaps: z.number(),
  provisional: z.boolean(),
  coverage: CoreCoverage.describe("partial: graded on what could be observed without a working credential of ours — reliability not tested, at most A; full otherwise"),
  methodologyVersion: z.string(),
  computedAt: isoDateTime,
  future: z.object({ grade: Grade, score: z.number(), methodologyVersion: z.string() }).nullable()
    .describe("the grade under the staged methodology version, from the same evidence; null when no version is staged"),
}).register(apiRegistry, { id: "GradeSummary" });

/** The figures a window or a history bucket reports: traffic, failures by fault and class, latency percentiles. */
const trafficFigures = {
  calls: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  successRate: z.number().min(0).max(1).nullable(),
  vendorFailures: z.number().int().nonnegative(),
  clientFailures: z.number().int().nonnegative(),
  intermediaryFailures: z.number().int().nonnegative(),
  errorCounts: ErrorCounts,
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
};

export const WindowStats = z.object({
  days: z.number().int(),
  from: isoDate,
  to: isoDate,
  ...trafficFigures,
}).register(apiRegistry, { id: "WindowStats", description: "figures over the selected window, from daily rollups" });

export const PackageFinding = CorePackageFinding.register(apiRegistry, { id: "PackageFinding", description: "one finding of a package run: startup, protocol, capabilities, tools, unauthenticated_call, stdout, stdin_close" });

export const PackageEvidence = z.object({
  source: z.literal("package").describe("observed from the vendor's own published package, run by Kensa isolated over stdio without a vendor account: never sandbox data, never graded"),
  package: z.object({ registry: z.literal("npm"), name: z.string(), version: z.string(), integrity: z.string() }),
  observedAt: isoDateTime,
  started: z.boolean().describe("initialize answered: a usable session"),
  startupMs: z.number().nullable().describe("spawn to initialize result"),
  protocolVersion: z.string().nullable(),
  tools: z.number().int().nullable(),
  unauthenticatedCall: z.string().nullable().describe("how a tool call without a working credential was answered: tool_error, rpc_error, crash, hang, succeeded, not_called"),
  errorActionability: z.string().nullable().describe("names_credential, names_network or opaque"),
  findings: z.array(PackageFinding),
}).register(apiRegistry, { id: "PackageEvidence", description: "the newest package run of the vendor's own package (name and version as pinned in the catalogue)" });

export const ServiceSummary = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), ja: z.string().nullable() }),
  vendor: z.string(),
  category: z.string(),
  authMethod: z.string().describe("as the catalogue declares it; unknown when no source says"),
  auth: ShownAuthMethod,
  sso: z.boolean().describe("SAML or OIDC single sign-on declared, or enterprise SSO auth"),
  iac: z.boolean().describe("a Terraform or Pulumi provider declared"),
  source: DataSource.nullable().describe("the grade's and window's source (sandbox: simulated); package evidence is separate, in packageEvidence"),
  grade: GradeSummary.nullable(),
  window: WindowStats,
  lastProbedAt: isoDateTime.nullable(),
  packageEvidence: PackageEvidence.nullable().describe("what Kensa observed from the vendor's own package; null when none was run"),
  links: z.object({ self: z.string(), html: z.string(), badge: z.string() }),
}).register(apiRegistry, { id: "ServiceSummary" });

export const ServiceList = z.object({
  data: z.array(ServiceSummary),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  asOf: isoDate.nullable(),
}).register(apiRegistry, { id: "ServiceList" });

/** A grade's finding (core Finding); a readiness check's findings carry only id, ok, message and sometimes fix. */
export const Finding = CoreFinding.partial().required({ id: true, ok: true, message: true }).extend({
  fix: CoreFinding.shape.fix.describe("what to change to earn the missing points").optional(),
}).register(apiRegistry, { id: "Finding" });

export const Axis = AxisReport.extend({
  name: AxisName,
  weight: AxisReport.shape.weight.describe("percent of the total the methodology gives this axis"),
  effectiveWeight: AxisReport.shape.effectiveWeight.describe("percent it carried in this grade, after untested axes' weight moved"),
  notTestedReason: AxisReport.shape.notTestedReason.describe("why the whole axis was not tested in a partial grade (no_credential, not_configured); null otherwise"),
  facts: z.record(z.string(), z.unknown()),
  findings: z.array(Finding),
}).register(apiRegistry, { id: "Axis" });

export const Cap = AppliedCapReport.extend({
  kind: AppliedCapReport.shape.kind.describe("a cap is lifted by fixing one of liftedBy; a floor only by more evidence"),
  limit: AppliedCapReport.shape.limit.describe("the highest score allowed"),
  values: AppliedCapReport.shape.values.describe("the numbers the reason quotes, e.g. { successes: 12, needed: 30 }"),
}).register(apiRegistry, { id: "Cap" });

/** Core's FixReport; the API has always called its description `title`. */
export const Fix = FixReport.omit({ description: true }).extend({ title: FixReport.shape.description }).register(apiRegistry, { id: "Fix" });

export const NextGrade = NextGradeReport.omit({ minScore: true }).extend({
  reachable: NextGradeReport.shape.reachable.describe("false when a floor or a cap no fix lifts stands in the way"),
  fixes: z.array(Fix).describe("the smallest set of fixes that reaches the next grade, as the scorer computed it"),
}).register(apiRegistry, { id: "NextGrade" });

export const FutureGrade = CoreFutureGrade.extend({
  newFindings: z.array(Finding).describe("the staged version's new findings, judged on this grade's evidence"),
}).describe("what the grade will be once the staged methodology version is current (as SSL Labs' futureGrade)")
  .register(apiRegistry, { id: "FutureGrade" });

export const DeclaredFact = z.object({
  name: z.string(),
  value: z.union([z.boolean(), z.literal("unknown")]),
  source: z.string().nullable(),
}).register(apiRegistry, { id: "DeclaredFact" });

export const CheckView = z.object({
  check: z.string(),
  verdict: z.string(),
  at: isoDateTime,
  findings: z.array(Finding),
}).register(apiRegistry, { id: "ReadinessCheck" });

export const FailureView = z.object({
  at: isoDateTime,
  runId: z.string(),
  step: z.string(),
  errorClass: z.string().nullable(),
  fault: z.string().nullable(),
  confidence: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  rpcCode: z.number().int().nullable(),
  path: z.string(),
  decidedBy: z.string().nullable(),
  evidence: z.string().describe("the stored outcome, redacted at capture"),
}).register(apiRegistry, { id: "RecentFailure" });

export const GradeChangeCause = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("first_grade") }),
  z.object({ kind: z.literal("methodology"), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal("axis"), axis: z.string(), delta: z.number().describe("points the axis score moved") }),
  z.object({ kind: z.literal("cap_added"), cap: Cap }),
  z.object({ kind: z.literal("cap_lifted"), capId: z.string() }),
]).register(apiRegistry, { id: "GradeChangeCause" });

export const GradeChange = z.object({
  at: isoDateTime,
  grade: Grade,
  score: z.number(),
  methodologyVersion: z.string(),
  previous: z.object({ grade: Grade, score: z.number(), methodologyVersion: z.string() }).nullable(),
  causes: z.array(GradeChangeCause).describe("what moved it, as data: methodology change, the axes that moved most, caps added or lifted"),
  reasons: z.array(z.string()).describe("the causes as English sentences"),
}).register(apiRegistry, { id: "GradeChange" });

export const ReportedSummary = CoreReportedSummary.register(apiRegistry, {
  id: "ReportedSummary",
  description: "what agents reported about their own calls (last 30 days): reported evidence, shown but never graded nor blended into observed figures; aboveFloor once enough distinct reporters",
});

export const ServiceDetail = ServiceSummary.extend({
  coverageReasons: z.array(CoreCoverageReason).describe("why the newest grade is partial (empty when full or ungraded)"),
  axes: z.array(Axis),
  caps: z.array(Cap),
  fixes: z.array(Fix),
  nextGrade: NextGrade.nullable(),
  future: FutureGrade.nullable().describe("null when no methodology version is staged"),
  declared: z.array(DeclaredFact),
  checks: z.array(CheckView),
  recentFailures: z.array(FailureView),
  gradeHistory: z.array(GradeChange),
  reported: ReportedSummary,
}).register(apiRegistry, { id: "ServiceDetail" });

export const HistoryPoint = z.object({
  start: isoDate,
  end: isoDate,
  ...trafficFigures,
  sources: DataSources.describe("where this bucket's figures come from; sandbox data is simulated"),
}).register(apiRegistry, { id: "HistoryPoint" });

export const ServiceHistory = z.object({
  serviceId: z.string(),
  from: isoDate,
  to: isoDate,
  granularity: z.enum(["day", "week", "month"]),
  sources: DataSources.describe("every source behind the points; sandbox data is simulated"),
  points: z.array(HistoryPoint),
}).register(apiRegistry, { id: "ServiceHistory" });

export const GradeDistribution = z.object({
  asOf: isoDate.nullable(),
  total: z.number().int().nonnegative(),
  ungraded: z.number().int().nonnegative(),
  grades: z.record(Grade, z.number().int().nonnegative()),
  sources: z.record(DataSource, z.number().int().nonnegative())
    .describe("services per data source, as the service list labels them: sandbox when any figure shown is simulated"),
  unsourced: z.number().int().nonnegative().describe("services with neither a grade nor traffic in the last 30 days: no data to label"),
}).register(apiRegistry, { id: "GradeDistribution" });

export const AdoptionFigure = z.object({
  metric: z.enum(["oauth", "sso", "iac"]).describe("oauth: OAuth 2.0 or better; sso: SAML, OIDC, ID-JAG or SSO-brokered auth; iac: a Terraform or Pulumi provider"),
  population: z.enum(["all", "domestic", "global", "top_tier"])
    .describe("all tracked services; domestic (Japanese) or global vendors, as derived from the catalogue entry (legal form, .jp homepage, Japanese name); top_tier: services simulated by a top-tier sandbox profile"),
  basis: z.enum(["declared", "simulated"])
    .describe("declared: the catalogue's facts, each with its source (unknown counts as not declared); simulated: the sandbox profiles that simulate the services — never an observation"),
  count: z.number().int().nonnegative(),
  services: z.number().int().nonnegative(),
  share: z.number().min(0).max(1).nullable(),
}).register(apiRegistry, { id: "AdoptionFigure" });

export const ProtocolMixDay = z.object({
  day: z.string().describe("UTC day, YYYY-MM-DD"),
  source: DataSource.describe("the runs' data source; sandbox shares are simulated (the fleet's eras are drawn per service), never observed"),
  runs: z.number().int().nonnegative(),
  shares: z.object({
    initialize: z.number().min(0).max(1).describe("the server spoke only the initialize era"),
    dual: z.number().min(0).max(1).describe("the server answered in both eras"),
    modern: z.number().min(0).max(1).describe("the server spoke only 2026-07-28 (server/discover)"),
    unknown: z.number().min(0).max(1).describe("no handshake succeeded"),
  }),
}).register(apiRegistry, { id: "ProtocolMixDay" });

export const Adoption = z.object({
  services: z.number().int().nonnegative(),
  figures: z.array(AdoptionFigure),
  protocolMix: z.object({ days: z.array(ProtocolMixDay), sources: z.array(DataSource) })
    .describe("share of probe runs per UTC day by MCP protocol era posture over the last 90 days, per source (never blended)"),
}).register(apiRegistry, { id: "Adoption", description: "OAuth, SSO and IaC adoption by vendor origin, declared beside simulated, each figure labelled with its basis" });

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(["bad_request", "unauthorized", "forbidden", "not_found", "rate_limited", "unavailable", "internal"]),
    message: z.string(),
    parameter: z.string().optional().describe("the query or path parameter that was rejected"),
    expected: z.string().optional(),
  }),
}).register(apiRegistry, { id: "Error" });

export const ReprobeAccepted = z.object({
  status: z.literal("accepted"),
  serviceId: z.string(),
  path: RunPath.describe("direct, or through the reference gateway"),
  requestId: z.string().describe("one per service per minute: requests in the same minute share it"),
  idempotencyKey: z.string().describe("the probe run this request will produce; a retried job never records it twice"),
}).register(apiRegistry, { id: "ReprobeAccepted" });

export const Health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.string() }).register(apiRegistry, { id: "Health" });

export type ServiceSummary = z.infer<typeof ServiceSummary>;
export type ServiceDetail = z.infer<typeof ServiceDetail>;
export type ServiceList = z.infer<typeof ServiceList>;
export type ServiceHistory = z.infer<typeof ServiceHistory>;
export type HistoryPoint = z.infer<typeof HistoryPoint>;
export type GradeDistribution = z.infer<typeof GradeDistribution>;
export type Adoption = z.infer<typeof Adoption>;
export type ReprobeAccepted = z.infer<typeof ReprobeAccepted>;
export type ApiErrorCode = z.infer<typeof ApiErrorBody>["error"]["code"];
export type DataSource = z.infer<typeof DataSource>;
export type PackageEvidenceView = z.infer<typeof PackageEvidence>;
export type WindowStatsView = z.infer<typeof WindowStats>;
export type AxisView = z.infer<typeof Axis>;
export type CapView = z.infer<typeof Cap>;
export type FixView = z.infer<typeof Fix>;
export type NextGradeView = z.infer<typeof NextGrade>;
export type FutureGradeView = z.infer<typeof FutureGrade>;
export type GradeChangeView = z.infer<typeof GradeChange>;
export type GradeChangeCauseView = z.infer<typeof GradeChangeCause>;
export type Grade = z.infer<typeof Grade>;
export type ShownAuthMethod = z.infer<typeof ShownAuthMethod>;
export { AuthMethod };
