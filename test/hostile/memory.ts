// Memory and handle accounting for the hostile suite and the soak: peak sampling while work runs, and the
// live resources (sockets, timers, servers) before and after, so a leak shows up as a named difference.

export interface MemoryPeak {
  heapMb: number;
  rssMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Samples heap and RSS every `everyMs` until stopped; returns the peaks. */
export function sampleMemory(everyMs = 10): { stop(): MemoryPeak } {
  const peak = { heapMb: 0, rssMb: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heapMb = Math.max(peak.heapMb, mb(m.heapUsed));
    peak.rssMb = Math.max(peak.rssMb, mb(m.rss));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** Live handles by type (TCPSocketWrap, Timeout, TCPServerWrap, …). */
export function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Types with more live handles after than before, as "Type +n". */
export function leakedResources(before: Map<string, number>, after: Map<string, number>): string[] {
  const leaks: string[] = [];
  for (const [type, count] of after) {
    const grew = count - (before.get(type) ?? 0);
    if (grew > 0) leaks.push(`${type} +${grew}`);
  }
  return leaks;
}
