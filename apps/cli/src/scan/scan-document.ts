// The `kensa.scan/v1` document: a stable contract other tools parse. Keys are always present (null when
// unknown); new keys may be added, none renamed or removed.
import { httpStatusOf, isTrafficStep, rpcCodeOf, stepOk, type ErrorClass, type GradeReport, type ProbeRunRecord } from "@kensa/core";

export const SCAN_SCHEMA = "kensa.scan/v1";

export interface ScanStep {
  seq: number;
  name: string;
  kind: string;
  ok: boolean;
  latencyMs: number;
  outcome: string;
  errorClass: ErrorClass | null;
  fault: string | null;
  httpStatus: number | null;
  rpcCode: number | null;
  credentialExpiredAtSend: boolean | null;
  excerpt: string | null;
}

export interface ScanFinding {
  check: string;
  verdict: string;
  id: string;
  ok: boolean;
  message: string;
  fix: string | null;
}

export function scanDocument(target: string, run: ProbeRunRecord, grade: GradeReport) {
  const errorClasses: Partial<Record<ErrorClass, number>> = {};
  for (const step of run.steps) {
    const c = step.classification?.errorClass;
    if (c && isTrafficStep({ kind: step.kind, ok: stepOk(step) })) errorClasses[c] = (errorClasses[c] ?? 0) + 1;
  }
  const steps: ScanStep[] = run.steps.map((s) => ({
    seq: s.seq,
    name: s.name,
    kind: s.kind,
    ok: stepOk(s),
    latencyMs: s.latencyMs,
    outcome: s.kind === "check" ? (s.check?.verdict ?? s.outcome.kind) : s.outcome.kind,
    errorClass: s.classification?.errorClass ?? null,
    fault: s.classification?.fault ?? null,
    httpStatus: httpStatusOf(s.outcome) ?? null,
    rpcCode: rpcCodeOf(s.outcome) ?? null,
    credentialExpiredAtSend: s.credential?.expiredAtSend ?? null,
    excerpt: s.outcome.kind === "ok" && s.kind !== "check" ? null : (s.excerpt ?? null),
  }));
  const findings: ScanFinding[] = run.steps.flatMap((s) =>
    (s.check?.findings ?? []).map((f) => ({ check: s.check!.check, verdict: s.check!.verdict, id: f.id, ok: f.ok, message: f.message, fix: f.fix ?? null })),
  );
  return {
    schema: SCAN_SCHEMA,
    target,
    transport: run.summary.target.transport,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    traceId: run.traceId ?? null,
    methodologyVersion: grade.methodologyVersion,
    evidenceHash: grade.evidenceHash,
    grade: grade.grade,
    /** partial: graded on what could be observed without a working credential of ours (coverageReasons say why). */
    coverage: grade.coverage,
    coverageReasons: grade.coverageReasons,
    score: grade.score,
    scoreBeforeCaps: grade.scoreBeforeCaps,
    provisional: grade.provisional,
    caps: grade.caps,
    axes: grade.axes,
    fixes: grade.fixes,
    nextGrade: grade.nextGrade,
    /** What the grade will be under the staged methodology version; null when none is staged. */
    future: grade.future ?? null,
    server: {
      /** The era the calls were made in: "modern" (2026-07-28 on, server/discover) or "initialize". */
      protocolEra: run.summary.protocolEra ?? null,
      protocolVersion: run.summary.protocolVersion ?? null,
      /** Every era the server answered in, newest first, with the versions it offered there. */
      eras: run.summary.eras ?? [],
      name: run.summary.serverInfo?.name ?? null,
      version: run.summary.serverInfo?.version ?? null,
      tools: run.summary.tools ? { count: run.summary.tools.count, hash: run.summary.tools.hash, names: run.summary.tools.names } : null,
    },
    credential: run.summary.credential ?? null,
    /** stdio only: how the server's process was isolated and how it ended. */
    isolation: run.summary.stdio ?? null,
    findings,
    steps,
    errorClasses,
  };
}

export type ScanDocument = ReturnType<typeof scanDocument>;
