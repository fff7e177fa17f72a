// Repeated measurement and the summary every benchmark reports: median, p95, min–max, ratio to a baseline.
export interface Series {
  label: string;
  unit: "ms" | "steps/s" | "MB" | "runs/s";
  samples: number[];
  /** Higher is better for throughput, lower for time and memory. */
  better: "higher" | "lower";
}

export interface Comparison {
  subject: string;
  baseline: string;
  /** Median(subject) / median(baseline) for time, the inverse for throughput: >1 means slower than the baseline. */
  ratio: number;
  target?: { maxRatio?: number; min?: number; max?: number; describe: string };
  met?: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  series: Series[];
  comparisons: Comparison[];
  notes: string[];
}

export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (s: readonly number[]) => quantile(s, 0.5);

export function compare(subject: Series, baseline: Series, target?: Comparison["target"]): Comparison {
  const ratio = subject.better === "lower" ? median(subject.samples) / median(baseline.samples) : median(baseline.samples) / median(subject.samples);
  const comparison: Comparison = { subject: subject.label, baseline: baseline.label, ratio: Math.round(ratio * 1000) / 1000, ...(target ? { target } : {}) };
  if (target) {
    const m = median(subject.samples);
    comparison.met = (target.maxRatio === undefined || ratio <= target.maxRatio) && (target.min === undefined || m >= target.min) && (target.max === undefined || m <= target.max);
  }
  return comparison;
}

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
