// Judges one hostile case's stored run against its expectation: the named step exists, failed (or not) the
// way the case says, carries a classification, and the run is in the database at all.
import type { HostileCase, ServedTarget, StoredRunView } from "./cases";

export interface CaseReport {
  id: string;
  attack: string;
  step: string;
  /** "protocol-violation/too-large", "timeout/stream", "ok" … as stored. */
  outcome: string;
  errorClass: string;
  ms: number;
  boundMs: number;
  peakHeapMb: number;
  peakRssMb: number;
  heapAfterMb: number;
  problems: string[];
}

interface StoredStep {
  name: string;
  ok: boolean;
  errorClass: string | null;
  evidence: unknown;
}

function outcomeOf(step: StoredStep): Record<string, unknown> {
  return ((step.evidence as { outcome?: Record<string, unknown> } | null)?.outcome ?? {}) as Record<string, unknown>;
}

function describeOutcome(o: Record<string, unknown>): string {
  const detail = o.violation ?? o.phase ?? o.reason ?? o.code;
  return detail ? `${String(o.kind)}/${String(detail)}` : String(o.kind ?? "?");
}

export function checkRun(
  c: HostileCase,
  run: { steps: StoredStep[] } | undefined,
  stored: StoredRunView | undefined,
  target: ServedTarget,
  measured: { ms: number; peakHeapMb: number; peakRssMb: number; heapAfterMb: number },
  problems: string[],
): CaseReport {
  const report: CaseReport = { id: c.id, attack: c.attack, step: c.expect.step, outcome: "-", errorClass: "-", boundMs: c.boundMs, ...measured, problems };
  if (!run || !stored) {
    problems.push("no run was stored");
    return report;
  }
  const step = run.steps.find((s) => s.name === c.expect.step);
  if (!step) {
    problems.push(`no step ${c.expect.step}; stored: ${run.steps.map((s) => `${s.name}=${s.ok ? "ok" : s.errorClass}`).join(", ")}`);
    return report;
  }
  const outcome = outcomeOf(step);
  report.outcome = describeOutcome(outcome);
  report.errorClass = step.errorClass ?? (step.ok ? "(ok)" : "(unclassified)");
  if ("ok" in c.expect) {
    if (!step.ok) problems.push(`expected ${step.name} to succeed, got ${report.outcome} (${step.errorClass})`);
  } else {
    if (step.ok) problems.push(`expected ${step.name} to fail as ${c.expect.errorClass}, it succeeded`);
    if (step.errorClass !== c.expect.errorClass) problems.push(`classified ${step.errorClass ?? "not at all"}, expected ${c.expect.errorClass}`);
    for (const [key, value] of Object.entries(c.expect.outcome)) {
      if (outcome[key] !== value) problems.push(`outcome.${key} = ${JSON.stringify(outcome[key])}, expected ${JSON.stringify(value)}`);
    }
  }
  for (const s of run.steps) if (!s.ok && !s.errorClass && s.name.startsWith("check:") === false) problems.push(`step ${s.name} failed unclassified`);
  problems.push(...(c.verify?.(stored, target) ?? []));
  return report;
}
