// Repeated measurement and the summary every benchmark reports: median, p95, min–max, ratio to a baseline.
export type Unit = "ms" | "s" | "steps/s" | "runs/s" | "MB" | "requests" | "count";

export interface Series {
  label: string;
  unit: Unit;
  samples: number[];
  /** Higher is better for throughput, lower for time and memory. */
  better: "higher" | "lower";
}

export interface Target {
  /** The subject may be at most this many times worse than its baseline (medians). */
  maxRatio?: number;
  /** Bounds on the subject's own statistic (`on`, median by default). */
  min?: number;
  max?: number;
  on?: "median" | "p95" | "max";
  describe: string;
}

export interface Comparison {
  subject: string;
  /** Absent for an absolute target (no baseline). */
  baseline?: string;
  /** Median(subject) / median(baseline) for time, the inverse for throughput: >1 means worse than the baseline. */
  ratio?: number;
  /** The subject's statistic the target is judged on. */
  value: number;
  unit: Unit;
  target?: Target;
  met?: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  series: Series[];
  comparisons: Comparison[];
  notes: string[];
  /** Free-form figures a reader needs beyond the series (counts, proofs, sizes). */
  facts?: Record<string, unknown>;
}

export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (s: readonly number[]) => quantile(s, 0.5);

function statistic(series: Series, on: Target["on"]): number {
  if (on === "p95") return quantile(series.samples, 0.95);
  if (on === "max") return Math.max(...series.samples);
  return median(series.samples);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A subject against a baseline measured in the same run (ratio), and optionally against a target. */
export function compare(subject: Series, baseline: Series | undefined, target?: Target): Comparison {
  const value = statistic(subject, target?.on);
  const comparison: Comparison = { subject: subject.label, value: round3(value), unit: subject.unit, ...(target ? { target } : {}) };
  let ratio: number | undefined;
  if (baseline) {
    ratio = subject.better === "lower" ? median(subject.samples) / median(baseline.samples) : median(baseline.samples) / median(subject.samples);
    comparison.baseline = baseline.label;
    comparison.ratio = round3(ratio);
  }
  if (target) {
    comparison.met = (target.maxRatio === undefined || (ratio !== undefined && ratio <= target.maxRatio))
      && (target.min === undefined || value >= target.min)
      && (target.max === undefined || value <= target.max);
  }
  return comparison;
}

export function series(label: string, unit: Unit, better: Series["better"], samples: number[] = []): Series {
  return { label, unit, better, samples };
}

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `work` over items with at most `concurrency` in flight (the worker's bounded concurrency). */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}
