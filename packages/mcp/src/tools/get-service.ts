// get_service: one service's grade with its evidence — axes with evidence labels, caps, next-grade fixes.
import { z } from "zod";
import { ServiceId } from "../schemas/inputs";
import { serviceReport, ServiceReport } from "../schemas/service";
import { defineTool, readOnly, type ToolContext } from "../tool-registration";
import { findIdsHint, nearestIds, type ArgumentProblem } from "../tool-result";

export const GetServiceInput = z.strictObject({
  id: ServiceId.describe("The service id, e.g. \"slack\" (search_services lists ids)."),
});

export const getServiceTool = defineTool({
  name: "get_service",
  title: "Get a service's grade and evidence",
  description:
    "Kensa's MCP-readiness report for one SaaS service: grade, score before and after caps, the five axes each labelled observed/declared/not tested, "
    + "the caps holding it down, the fixes that reach the next grade, declared facts with sources, protocol era, data-source label and links to the evidence pages.",
  input: GetServiceInput,
  output: ServiceReport,
  annotations: readOnly,
  async run({ id }, context) {
    const facts = await context.reads.service(id);
    if (!facts) return { ok: false, problem: await unknownService("id", id, context) };
    const report = serviceReport(facts, context.link);
    return { ok: true, value: report, text: reportText(report) };
  },
});

export async function unknownService(argument: string, id: string, { reads }: ToolContext): Promise<ArgumentProblem> {
  const ids = await reads.serviceIds();
  const near = nearestIds(id, ids);
  return { argument, message: `no tracked service has the id "${id}"`, validChoices: near.length > 0 ? near : ids, hint: findIdsHint };
}

export function reportText(r: ServiceReport): string {
  const grade = r.grade
    ? `${r.grade.grade}, score ${r.grade.score.toFixed(1)} (before caps ${r.grade.scoreBeforeCaps.toFixed(1)})${r.grade.coverage === "partial" ? ", PARTIAL (reliability not tested: no working credential)" : r.grade.provisional ? ", provisional" : ""}, methodology ${r.grade.methodologyVersion}${r.grade.future ? `; under staged methodology ${r.grade.future.methodologyVersion}: ${r.grade.future.grade} ${r.grade.future.score.toFixed(1)}` : ""}`
    : "not graded yet";
  const lines = [
    `${r.name} (${r.id}) — ${grade}.`,
    `Data source: ${r.dataSource.label}.`,
    ...r.axes.map((a) => `  ${a.name}: ${a.score === null ? "—" : a.score.toFixed(0)} [${a.evidence}]`),
    ...r.caps.map((c) => `  cap ${c.id} (max ${c.maxGrade}): ${c.reason}`),
  ];
  if (r.nextGrade) {
    const fixes = r.nextGrade.fixes.map((f) => f.description.replace(/\.$/, "")).join("; ");
    lines.push(`Next grade ${r.nextGrade.grade}: ${r.nextGrade.reachable ? fixes || "no fixes needed" : `blocked by ${r.nextGrade.blockedBy.join(", ")}`}.`);
  }
  if (r.protocol.version) lines.push(`Protocol: ${r.protocol.version}${r.protocol.era ? ` (${r.protocol.era} era)` : ""} on the newest probe.`);
  const rep = r.reported;
  lines.push(rep.reports === 0
    ? "Reported by agents: none in the last 30 days."
    : `Reported by agents (not graded, not observed by Kensa): ${rep.reports} calls in ${rep.windowDays} d from ${rep.distinctReporters} distinct reporters, ${rep.successRate === null ? "—" : `${(rep.successRate * 100).toFixed(1)}% success`}.`);
  lines.push(`Evidence: ${r.links.page}`);
  return lines.join("\n");
}
