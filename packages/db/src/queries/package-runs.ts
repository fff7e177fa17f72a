// The newest `package` run of each service (the vendor's own published package, run isolated with dummy
// configuration), with its summary and steps: pages and the API derive its findings with core's
// packageFindings. Two queries: the newest run per service (DISTINCT ON over the service index), then its steps.
import { Classification, ProbeRunSummary, StepOutcome, type ProbeStepRecord, type StepKind } from "@kensa/core";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export interface PackageRun {
  serviceId: string;
  runId: string;
  startedAt: Date;
  summary: ProbeRunSummary;
  steps: ProbeStepRecord[];
}

export async function readLatestPackageRuns(db: Database, filter: { ids?: readonly string[] } = {}): Promise<Map<string, PackageRun>> {
  const runs = await prismaOf(db).$queryRawUnsafe<{ id: string; service_id: string; started_at: Date; summary: unknown }[]>(
    `SELECT DISTINCT ON (service_id) id::text AS id, service_id, started_at, summary
     FROM probe_run WHERE source = 'package' ${filter.ids ? "AND service_id = ANY($1::text[])" : ""}
     ORDER BY service_id, started_at DESC`,
    ...(filter.ids ? [[...filter.ids]] : []),
  );
  const out = new Map<string, PackageRun>();
  if (runs.length === 0) return out;
  const steps = await prismaOf(db).$queryRawUnsafe<StepRow[]>(
    `SELECT run_id::text AS run_id, seq, name, kind, started_at, latency_ms, error_class, fault, confidence, evidence
     FROM probe_step WHERE run_id = ANY($1::uuid[]) ORDER BY run_id, seq`,
    runs.map((r) => r.id),
  );
  const byRun = new Map<string, ProbeStepRecord[]>();
  for (const s of steps) {
    const step = stepOf(s);
    if (step) byRun.set(s.run_id, [...(byRun.get(s.run_id) ?? []), step]);
  }
  for (const r of runs) {
    const summary = ProbeRunSummary.safeParse(r.summary);
    if (!summary.success) continue;
    out.set(r.service_id, { serviceId: r.service_id, runId: r.id, startedAt: r.started_at, summary: summary.data, steps: byRun.get(r.id) ?? [] });
  }
  return out;
}

interface StepRow {
  run_id: string;
  seq: number;
  name: string;
  kind: string;
  started_at: Date;
  latency_ms: number;
  error_class: string | null;
  fault: string | null;
  confidence: string | null;
  evidence: unknown;
}

function stepOf(s: StepRow): ProbeStepRecord | undefined {
  const evidence = (s.evidence ?? {}) as { outcome?: unknown; decidedBy?: unknown; retryable?: unknown; excerpt?: unknown };
  const outcome = StepOutcome.safeParse(evidence.outcome);
  if (!outcome.success) return undefined;
  const classification = s.error_class === null ? undefined : Classification.safeParse({ errorClass: s.error_class, fault: s.fault, confidence: s.confidence, retryable: evidence.retryable ?? false, decidedBy: evidence.decidedBy ?? "" });
  return {
    seq: s.seq,
    name: s.name,
    kind: s.kind as StepKind,
    startedAt: new Date(s.started_at).toISOString(),
    latencyMs: s.latency_ms,
    outcome: outcome.data,
    ...(classification?.success ? { classification: classification.data } : {}),
    ...(typeof evidence.excerpt === "string" ? { excerpt: evidence.excerpt } : {}),
  };
}
