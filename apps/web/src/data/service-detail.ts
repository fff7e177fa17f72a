// One service in full: its summary, the newest grade's axes, caps and fixes, declared facts with sources,
// the newest readiness findings, recent failures with their evidence, and the grade's history with what
// moved it. Each piece is one indexed read; nothing here scans raw steps beyond the newest few failures.
import {
  latestGrade, latestRollupDay, readGradeChanges, readLatestChecks, readLeaderboardServices, readRecentFailures,
  type Database, type FailedStep, type GradeChange,
} from "@kensa/db";
import type { GradeChangeCauseView, ServiceDetail } from "../api/schemas";
import { causeInEnglish } from "../i18n/grade-text";
import { isGrade, type GradeName } from "../lib/grades";
import { addDays, todayUtc } from "../lib/days";
import { readDeclared } from "./declared";
import { readAxes, readCaps, readFindings, readFixes, readNextGrade } from "./grade-view";
import { summaryRow, type SummaryRow } from "./service-summary";
import { cachedWindowStats } from "./window-cache";

export type ServiceDetailView = ServiceDetail & { sparkline: SummaryRow["sparkline"]; declaredRaw: Record<string, unknown> };

export async function loadServiceDetail(db: Database, id: string, windowDays = 30): Promise<ServiceDetailView | null> {
  const [service] = await readLeaderboardServices(db, { ids: [id] });
  if (!service) return null;
  const asOf = (await latestRollupDay(db)) ?? todayUtc();
  const range = { days: windowDays, from: addDays(asOf, -(windowDays - 1)), to: asOf };
  const since = new Date(Date.parse(`${addDays(asOf, -30)}T00:00:00Z`));
  const [stats, snapshot, changes, failures, checks] = await Promise.all([
    cachedWindowStats(db, range),
    latestGrade(db, id),
    readGradeChanges(db, id),
    readRecentFailures(db, id),
    readLatestChecks(db, id, since),
  ]);
  const summary = summaryRow(service, stats.get(id), range);
  const gradeOk = snapshot && isGrade(snapshot.grade);
  return {
    ...summary,
    axes: gradeOk ? readAxes(snapshot.axes) : [],
    caps: gradeOk ? readCaps(snapshot.caps) : [],
    fixes: gradeOk ? readFixes(snapshot.fixes) : [],
    nextGrade: gradeOk ? readNextGrade(snapshot.grade, snapshot.score, snapshot.fixes) : null,
    declared: readDeclared(service.declared),
    declaredRaw: service.declared,
    checks: checks.map((c) => {
      const check = (c.check ?? {}) as { check?: string; verdict?: string; findings?: unknown[] };
      return {
        check: check.check ?? c.name.replace(/^check:/, ""),
        verdict: check.verdict ?? (c.ok ? "pass" : "fail"),
        at: c.startedAt.toISOString(),
        findings: readFindings(check.findings),
      };
    }),
    recentFailures: failures.map(failureView),
    gradeHistory: changes.filter((c) => isGrade(c.grade)).map(changeView),
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
    const before = new Map(readAxes(c.previousAxes).map((a) => [a.name, a.score]));
    const moves = readAxes(c.axes)
      .map((a) => ({ axis: a.name, delta: Math.round(((a.score ?? 0) - (before.get(a.name) ?? 0)) * 10) / 10 }))
      .filter((m) => Math.abs(m.delta) >= 0.5)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
      .slice(0, 3);
    for (const m of moves) causes.push({ kind: "axis", ...m });
    const capsBefore = new Set(readCaps(c.previousCaps).map((x) => x.id));
    const capsNow = readCaps(c.caps);
    for (const cap of capsNow) if (!capsBefore.has(cap.id)) causes.push({ kind: "cap_added", cap });
    const nowIds = new Set(capsNow.map((x) => x.id));
    for (const id of capsBefore) if (!nowIds.has(id)) causes.push({ kind: "cap_lifted", capId: id });
  }
  return {
    at: c.computedAt.toISOString(),
    grade: c.grade as GradeName,
    score: c.score,
    methodologyVersion: c.methodologyVersion,
    previous: c.previous && isGrade(c.previous.grade) ? { grade: c.previous.grade, score: c.previous.score, methodologyVersion: c.previous.methodologyVersion } : null,
    causes,
    reasons: causes.map(causeInEnglish),
  };
}

