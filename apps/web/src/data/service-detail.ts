// One service in full: its summary, the newest grade's axes, caps and fixes, declared facts with sources,
// the newest readiness findings, recent failures with their evidence, and the grade's history with what
// moved it. Each piece is one indexed read; nothing here scans raw steps beyond the newest few failures.
import {
  latestGrade, latestRollupDay, readGradeChanges, readLatestChecks, readLatestPackageRuns, readLeaderboardServices, readRecentFailures, readReportedSummary,
  type Database, type FailedStep, type GradeChange,
} from "@kensa/db";
import type { GradeChangeCauseView, ServiceDetail } from "../api/schemas";
import { causeInEnglish } from "../i18n/grade-text";
import { addDays, todayUtc } from "../lib/days";
import { readDeclared } from "./declared";
import { axesView, capsView, fixesView, futureView, nextGradeView } from "./grade-view";
import { summaryRow, type SummaryRow } from "./service-summary";
import { cachedWindowStats } from "./window-cache";

export type ServiceDetailView = ServiceDetail & { sparkline: SummaryRow["sparkline"]; declaredRaw: Record<string, unknown> };

export async function loadServiceDetail(db: Database, id: string, windowDays = 30): Promise<ServiceDetailView | null> {
  const [service] = await readLeaderboardServices(db, { ids: [id] });
  if (!service) return null;
  const asOf = (await latestRollupDay(db)) ?? todayUtc();
  const range = { days: windowDays, from: addDays(asOf, -(windowDays - 1)), to: asOf };
  const since = new Date(Date.parse(`${addDays(asOf, -30)}T00:00:00Z`));
  const [stats, snapshot, changes, failures, checks, reported, packages] = await Promise.all([
    cachedWindowStats(db, range),
    latestGrade(db, id),
    readGradeChanges(db, id),
    readRecentFailures(db, id),
    readLatestChecks(db, id, since),
    readReportedSummary(db, id, { windowDays: 30 }),
    readLatestPackageRuns(db, { ids: [id] }),
  ]);
  const summary = summaryRow(service, stats.get(id), range, packages.get(id));
  const report = snapshot?.report;
  return {
    ...summary,
    coverageReasons: report?.coverageReasons ?? [],
    axes: report ? axesView(report) : [],
    caps: report ? capsView(report) : [],
    fixes: report ? fixesView(report) : [],
    nextGrade: report ? nextGradeView(report) : null,
    future: report ? futureView(report) : null,
    declared: readDeclared(service.declared),
    declaredRaw: service.declared,
    checks: checks.map((c) => ({
      check: c.check?.check ?? c.name.replace(/^check:/, ""),
      verdict: c.check?.verdict ?? (c.ok ? "pass" : "fail"),
      at: c.startedAt.toISOString(),
      findings: c.check?.findings ?? [],
    })),
    recentFailures: failures.map(failureView),
    gradeHistory: changes.map(changeView),
    reported,
  };
}

function failureView(f: FailedStep): ServiceDetail["recentFailures"][number] {
  const evidence = (f.evidence ?? {}) as { outcome?: unknown; excerpt?: string; decidedBy?: string };
  const text = [evidence.outcome ? JSON.stringify(evidence.outcome) : "", evidence.excerpt ?? ""].filter(Boolean).join(" · ");
  return {
    at: f.startedAt.toISOString(),
    runId: f.runId,
    step: f.name,
    errorClass: f.errorClass,
    fault: f.fault,
    confidence: f.confidence,
    httpStatus: f.httpStatus,
    rpcCode: f.rpcCode,
    path: f.path,
    decidedBy: evidence.decidedBy ?? null,
    evidence: text.length > 600 ? `${text.slice(0, 600)}…` : text,
  };
}

/** What moved a grade: a methodology change, the axes that moved most, caps added or lifted. */
export function changeView(c: GradeChange): ServiceDetail["gradeHistory"][number] {
  const causes: GradeChangeCauseView[] = [];
  if (!c.previous) causes.push({ kind: "first_grade" });
  else {
    if (c.previous.methodologyVersion !== c.methodologyVersion) causes.push({ kind: "methodology", from: c.previous.methodologyVersion, to: c.methodologyVersion });
    const before = new Map(axesView(c.previous.report).map((a) => [a.name, a.score]));
    const moves = axesView(c.report)
      .map((a) => ({ axis: a.name, delta: Math.round(((a.score ?? 0) - (before.get(a.name) ?? 0)) * 10) / 10 }))
      .filter((m) => Math.abs(m.delta) >= 0.5)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
      .slice(0, 3);
    for (const m of moves) causes.push({ kind: "axis", ...m });
    const capsBefore = new Set(c.previous.report.caps.map((x) => x.id));
    const capsNow = capsView(c.report);
    for (const cap of capsNow) if (!capsBefore.has(cap.id)) causes.push({ kind: "cap_added", cap });
    const nowIds = new Set(capsNow.map((x) => x.id));
    for (const id of capsBefore) if (!nowIds.has(id)) causes.push({ kind: "cap_lifted", capId: id });
  }
  return {
    at: c.computedAt.toISOString(),
    grade: c.report.grade,
    score: c.score,
    methodologyVersion: c.methodologyVersion,
    previous: c.previous ? { grade: c.previous.report.grade, score: c.previous.score, methodologyVersion: c.previous.methodologyVersion } : null,
    causes,
    reasons: causes.map(causeInEnglish),
  };
}

