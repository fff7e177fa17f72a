// What the tools answer about services, as zod schemas: the SDK advertises them as outputSchema and
// validates every answer against them. Grade pieces derive from core's GradeReport schemas.
import {
  AppliedCapReport, AxisName, AxisReport, Coverage, isJudgedAxis, ErrorClass, EvidenceStatus, FixReport, Grade, NextGradeReport, ReportedSummary, ShownAuthMethod,
} from "@kensa/core";
import { z } from "zod";
import type { ServiceFacts, ServiceRow } from "../reads";
import { SourceLabel, sourceLabel } from "./source-label";

export const GradeSummary = z.object({
  grade: Grade.describe("AEO readiness grade band, AAA (best) … D"),
  score: z.number().describe("0–100 after caps"),
  scoreBeforeCaps: z.number().describe("0–100 before caps and evidence floors"),
  provisional: z.boolean().describe("true when an evidence floor applies: more successful calls could change the grade"),
  coverage: Coverage.describe("partial: graded on what could be observed without a working credential of Kensa's (reliability not tested, at most A); full otherwise"),
  methodologyVersion: z.string(),
  computedAt: z.string().describe("ISO 8601 time the grade was computed"),
  future: z.object({ grade: Grade, score: z.number(), methodologyVersion: z.string() }).nullable()
    .describe("the grade under the staged (next) methodology version, from the same evidence; null when no version is staged"),
});

export const WindowFigures = z.object({
  days: z.number().int(),
  from: z.string().describe("YYYY-MM-DD"),
  to: z.string().describe("YYYY-MM-DD"),
  calls: z.number().int(),
  successRate: z.number().nullable().describe("successes / calls over the window; null without calls"),
  p95Ms: z.number().nullable(),
  errorCounts: z.partialRecord(ErrorClass, z.number().int()).describe("failed calls per error class"),
});

export const ServiceLinks = z.object({
  page: z.string().describe("the service's evidence page on the dashboard"),
  api: z.string().describe("the same data from the JSON API"),
  history: z.string().describe("daily history from the JSON API"),
  badge: z.string().describe("SVG grade badge"),
  report: z.string().describe("MCP resource URI of the full report"),
});

export const ServiceBrief = z.object({
  id: z.string(),
  name: z.string(),
  nameJa: z.string().nullable(),
  vendor: z.string(),
  category: z.string(),
  auth: ShownAuthMethod.describe("auth method: as declared by the catalogue, or observed by the readiness checks where undeclared"),
  sso: z.boolean().describe("SAML, OIDC or ID-JAG enterprise SSO is declared with a source"),
  iac: z.boolean().describe("a Terraform or Pulumi provider is declared with a source"),
  grade: GradeSummary.nullable().describe("newest grade; null when not graded yet"),
  window: WindowFigures,
  dataSource: SourceLabel,
  links: ServiceLinks,
});
export type ServiceBrief = z.infer<typeof ServiceBrief>;

export const AxisOut = AxisReport.pick({ label: true, score: true, weight: true, effectiveWeight: true }).extend({
  name: AxisName,
  evidence: EvidenceStatus.describe("observed: measured by probes; declared: from the catalogue's sourced facts; not_tested: no evidence, left out of the score"),
  findings: z.array(z.object({ id: z.string(), ok: z.boolean(), evidence: EvidenceStatus, points: z.number(), maxPoints: z.number(), message: z.string() })),
});

export const ServiceReport = ServiceBrief.extend({
  axes: z.array(AxisOut).describe("the axes the grade's methodology judges, in the methodology's order"),
  caps: z.array(AppliedCapReport.pick({ id: true, kind: true, reason: true, maxGrade: true })).describe("caps and evidence floors holding the grade down, with their reasons"),
  nextGrade: NextGradeReport.omit({ minScore: true }).extend({
    fixes: z.array(FixReport.pick({ id: true, axis: true, description: true, points: true })).describe("the smallest set of fixes reaching the next grade, largest first"),
  }).nullable().describe("null at AAA or when ungraded"),
  declared: z.array(z.object({ name: z.string(), value: z.union([z.boolean(), z.literal("unknown")]), source: z.string().nullable() })).describe("declared facts with their source URLs"),
  protocol: z.object({
    era: z.string().nullable().describe("the protocol era the newest probe spoke (modern: 2026-07-28 server/discover; initialize: earlier); null when not recorded"),
    version: z.string().nullable().describe("the protocol version the newest probe negotiated; null when not recorded"),
  }),
  reported: ReportedSummary.describe("reported by agents (report_outcome, OTLP): their own calls over the last 30 days, with distinct reporters and workarounds — shown, never graded nor blended into the observed figures above"),
});
export type ServiceReport = z.infer<typeof ServiceReport>;


export function serviceLinks(id: string, link: (path: string) => string): z.infer<typeof ServiceLinks> {
  const e = encodeURIComponent(id);
  return {
    page: link(`/services/${e}`),
    api: link(`/api/v1/services/${e}`),
    history: link(`/api/v1/services/${e}/history`),
    badge: link(`/api/v1/badge/${e}.svg`),
    report: reportUri(id),
  };
}

export const reportUri = (id: string) => `kensa://services/${encodeURIComponent(id)}/report`;

export function serviceBrief(row: ServiceRow, link: (path: string) => string): ServiceBrief {
  return {
    id: row.id,
    name: row.name.en,
    nameJa: row.name.ja,
    vendor: row.vendor,
    category: row.category,
    auth: row.auth,
    sso: row.sso,
    iac: row.iac,
    grade: row.grade,
    window: { days: row.window.days, from: row.window.from, to: row.window.to, calls: row.window.calls, successRate: row.window.successRate, p95Ms: row.window.p95Ms, errorCounts: row.window.errorCounts },
    dataSource: sourceLabel(row.source),
    links: serviceLinks(row.id, link),
  };
}

export function serviceReport(facts: ServiceFacts, link: (path: string) => string): ServiceReport {
  const report = facts.report;
  return {
    ...serviceBrief(facts, link),
    axes: report
      ? AxisName.options.filter((name) => isJudgedAxis(report.axes[name])).map((name) => {
          const a = report.axes[name];
          return {
            name, label: a.label, score: a.score, weight: a.weight, effectiveWeight: a.effectiveWeight, evidence: a.evidence,
            findings: a.findings.map((f) => ({ id: f.id, ok: f.ok, evidence: f.evidence, points: f.points, maxPoints: f.maxPoints, message: f.message })),
          };
        })
      : [],
    caps: report ? report.caps.map((c) => ({ id: c.id, kind: c.kind, reason: c.reason, maxGrade: c.maxGrade })) : [],
    nextGrade: report?.nextGrade
      ? {
          grade: report.nextGrade.grade, pointsNeeded: report.nextGrade.pointsNeeded, reachable: report.nextGrade.reachable,
          scoreAfterFixes: report.nextGrade.scoreAfterFixes, blockedBy: report.nextGrade.blockedBy,
          fixes: report.nextGrade.reachable ? report.fixes.map((f) => ({ id: f.id, axis: f.axis, description: f.description, points: f.points })) : [],
        }
      : null,
    declared: facts.declared,
    protocol: facts.protocol,
    reported: facts.reported,
  };
}

const pct = (r: number | null) => (r === null ? "no calls" : `${(r * 100).toFixed(1)}% success`);

/** One line per service for the text rendering. */
export function briefLine(s: ServiceBrief): string {
  const grade = s.grade ? `${s.grade.grade} (${s.grade.score.toFixed(1)})` : "ungraded";
  return `${s.id} — ${s.name} [${s.category}]: ${grade}, ${pct(s.window.successRate)} over ${s.window.days} d, auth ${s.auth.method}; ${s.dataSource.label}`;
}
