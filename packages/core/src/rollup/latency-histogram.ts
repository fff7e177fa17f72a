// Latency as log-spaced buckets (4 per doubling, ≤ 9% error at the bucket midpoint). Buckets add up,
// so a year of daily rollups gives a 90-day p95 without touching raw steps; one percentile definition
// serves rollups, scoring and the dashboard.

/** Sparse: bucket index (as a string, for JSON) → count. */
export type LatencyHistogram = Record<string, number>;

const bucketsPerDoubling = 4;
const minMs = 0.25;

export function bucketOf(latencyMs: number): number {
  if (!(latencyMs > minMs)) return 0;
  return Math.ceil(Math.log2(latencyMs / minMs) * bucketsPerDoubling);
}

/** The representative value of a bucket: the geometric middle of its bounds. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return minMs;
  return minMs * 2 ** ((bucket - 0.5) / bucketsPerDoubling);
}

export function addLatency(histogram: LatencyHistogram, latencyMs: number, count = 1): void {
  const key = String(bucketOf(latencyMs));
  histogram[key] = (histogram[key] ?? 0) + count;
}

export function mergeHistograms(into: LatencyHistogram, from: LatencyHistogram): LatencyHistogram {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
  return into;
}

export function histogramCount(histogram: LatencyHistogram): number {
  let total = 0;
  for (const count of Object.values(histogram)) total += count;
  return total;
}

/** Nearest-rank percentile (q in 0..1) over the buckets; null for an empty histogram. */
export function percentile(histogram: LatencyHistogram, q: number): number | null {
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  const buckets = Object.keys(histogram).map(Number).sort((a, b) => a - b);
  let seen = 0;
  for (const bucket of buckets) {
    seen += histogram[String(bucket)] ?? 0;
    if (seen >= rank) return Math.round(bucketValue(bucket) * 100) / 100;
  }
  return Math.round(bucketValue(buckets[buckets.length - 1] ?? 0) * 100) / 100;
}
