// Counts that add up: per run, per day, per window. The daily rollup table stores exactly this shape,
// so "rollups equal a recomputation from raw steps" is one function applied twice.
import type { ErrorClass, Fault } from "../taxonomy/error-classes";
import { isTrafficStep, stepOk, type ProbeRunRecord, type ProbeStepRecord, type StepKind } from "../probe/probe-record";
import { addLatency, mergeHistograms, percentile, type LatencyHistogram } from "./latency-histogram";

/** Traffic counted by outcome and fault: what a rollup, a grade's totals and a leaderboard window share. */
export interface TrafficCounts {
  /** Traffic steps (protocol + call); readiness checks are findings and are not counted. */
  calls: number;
  successes: number;
  vendorFailures: number;
  clientFailures: number;
  intermediaryFailures: number;
  errorCounts: Partial<Record<ErrorClass, number>>;
}

export interface StepAggregate extends TrafficCounts {
  runs: number;
  /** Latency of successful traffic steps. */
  latencyHistogram: LatencyHistogram;
}

export function emptyAggregate(): StepAggregate {
  return { runs: 0, calls: 0, successes: 0, vendorFailures: 0, clientFailures: 0, intermediaryFailures: 0, errorCounts: {}, latencyHistogram: {} };
}

/** The few facts of a step that aggregates need: a run record and a stored row both reduce to this. */
export interface StepFacts {
  kind: StepKind;
  ok: boolean;
  latencyMs: number;
  errorClass?: ErrorClass | null;
  fault?: Fault | null;
}

export function stepFacts(step: ProbeStepRecord): StepFacts {
  return {
    kind: step.kind,
    ok: stepOk(step),
    latencyMs: step.latencyMs,
    errorClass: step.classification?.errorClass ?? null,
    fault: step.classification?.fault ?? null,
  };
}

export function addStep(into: StepAggregate, step: StepFacts): StepAggregate {
  if (!isTrafficStep(step)) return into;
  into.calls += 1;
  if (step.ok) {
    into.successes += 1;
    addLatency(into.latencyHistogram, step.latencyMs);
    return into;
  }
  // A failed step is classified before it is aggregated; an unclassified one is a bug upstream.
  if (!step.errorClass || !step.fault) throw new Error(`a failed ${step.kind} step reached aggregation without a classification`);
  into.errorCounts[step.errorClass] = (into.errorCounts[step.errorClass] ?? 0) + 1;
  countFault(into, step.fault);
  return into;
}

function countFault(into: StepAggregate, fault: Fault): void {
  switch (fault) {
    case "vendor":
      into.vendorFailures += 1;
      return;
    case "client":
      into.clientFailures += 1;
      return;
    case "intermediary":
      into.intermediaryFailures += 1;
      return;
  }
}

export function aggregateSteps(steps: readonly StepFacts[], runs = 1): StepAggregate {
  const agg = emptyAggregate();
  agg.runs = runs;
  for (const step of steps) addStep(agg, step);
  return agg;
}

export function aggregateRun(run: Pick<ProbeRunRecord, "steps">): StepAggregate {
  return aggregateSteps(run.steps.map(stepFacts));
}

export function mergeAggregates(into: StepAggregate, from: StepAggregate): StepAggregate {
  into.runs += from.runs;
  into.calls += from.calls;
  into.successes += from.successes;
  into.vendorFailures += from.vendorFailures;
  into.clientFailures += from.clientFailures;
  into.intermediaryFailures += from.intermediaryFailures;
  for (const [cls, n] of Object.entries(from.errorCounts) as [ErrorClass, number][]) {
    into.errorCounts[cls] = (into.errorCounts[cls] ?? 0) + n;
  }
  mergeHistograms(into.latencyHistogram, from.latencyHistogram);
  return into;
}

export function latencyPercentiles(agg: Pick<StepAggregate, "latencyHistogram">): { p50: number | null; p95: number | null; p99: number | null } {
  return {
    p50: percentile(agg.latencyHistogram, 0.5),
    p95: percentile(agg.latencyHistogram, 0.95),
    p99: percentile(agg.latencyHistogram, 0.99),
  };
}
