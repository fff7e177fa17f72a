// Reliability: vendor-attributable success judged by its Wilson lower bound (client and intermediary
// failures are not the vendor's and are left out), plus p95 latency of successful calls (direct path first).
import { coverageReasonText, gradeCoverage, type CoverageReason } from "../coverage";
import type { GradeEvidence } from "../evidence";
import { percent, scored, unscored, type AxisAssessment, type Item } from "../items";
import { latency, successAnchors } from "../methodology";
import { describeCounts, trafficTotals } from "../traffic-totals";
import { clamp01, interpolate, wilsonLowerBound } from "../wilson";

export function assessReliability(e: GradeEvidence): AxisAssessment {
  const t = trafficTotals(e);
  const judged = t.successes + t.vendorFailures;
  const bound = judged === 0 ? null : wilsonLowerBound(t.successes, judged);
  const latencyPath = (e.traffic.direct?.successes ?? 0) > 0 ? "direct" : (e.traffic.gateway?.successes ?? 0) > 0 ? "gateway" : null;
  const ms = latencyPath === null ? null : e.traffic[latencyPath]!.latencyMs;
  const untested = gradeCoverage(e).reasons[0];
  const items: Item[] = untested ? notTested(untested) : [vendorSuccess(t.successes, judged, bound, t), latencyItem(ms, latencyPath)];
  return {
    items,
    facts: {
      notTested: untested ?? null,
      calls: t.calls,
      successes: t.successes,
      vendorFailures: t.vendorFailures,
      clientFailures: t.clientFailures,
      intermediaryFailures: t.intermediaryFailures,
      vendorSuccessRate: judged === 0 ? null : t.successes / judged,
      vendorSuccessLowerBound: bound,
      errorCounts: t.errorCounts,
      latencyPath,
      p50Ms: ms?.p50 ?? null,
      p95Ms: ms?.p95 ?? null,
      p99Ms: ms?.p99 ?? null,
    },
  };
}

/** Reliability is what a working credential would show: without one, neither item is judged (coverage.ts). */
function notTested(reason: CoverageReason): Item[] {
  const message = `Not tested (${reason === "no_credential" ? "no credential" : "not configured"}): ${coverageReasonText[reason]}.`;
  const fix = ""; // nothing for the vendor to change: a probe holding a working credential measures it
  return [unscored("reliability", "vendor_success", 80, message, fix), unscored("reliability", "latency_p95", 20, message, fix)];
}

/** With no failures the bound is limited by evidence alone: the smallest all-success sample that proves 95%. */
export function callsProving95(): number {
  let n = 1;
  while (wilsonLowerBound(n, n) < 0.95) n += 1;
  return n;
}

function vendorSuccess(successes: number, judged: number, bound: number | null, t: ReturnType<typeof trafficTotals>): Item {
  const fix = t.vendorFailures === 0 && judged > 0
    ? `Give the bound more evidence: ${judged} calls without a vendor failure only prove a ${percent(bound ?? 0)} lower bound; about ${callsProving95()} successful calls prove 95% (probe longer, or kensa scan --rounds).`
    : `Remove vendor-attributable failures (${t.vendorFailures} in the window); a 95% lower bound on vendor success of 95% or more earns full points.`;
  if (bound === null) return unscored("reliability", "vendor_success", 80, "No call in the window could be judged on the vendor: every failure was the client's or an intermediary's, and nothing succeeded.", fix);
  const excluded = t.clientFailures + t.intermediaryFailures;
  return scored("reliability", "vendor_success", 80, interpolate(successAnchors, bound), "observed",
    `${successes} of ${judged} vendor-judged calls succeeded (${percent(successes / judged)}; 95% lower bound ${percent(bound)}). ` +
      `${excluded} client or intermediary failures are not counted against the vendor. Failures by class: ${describeCounts(t.errorCounts)}.`,
    fix);
}

function latencyItem(ms: { p50: number | null; p95: number | null; p99: number | null } | null, path: string | null): Item {
  const fix = `Bring the p95 latency of successful calls to ${latency.fullPointsAtMs} ms or less.`;
  if (ms === null || ms.p95 === null) return unscored("reliability", "latency_p95", 20, "No successful call, so no latency to judge.", fix);
  const doublings = Math.log2(Math.max(ms.p95, latency.fullPointsAtMs) / latency.fullPointsAtMs);
  return scored("reliability", "latency_p95", 20, clamp01(1 - doublings / latency.doublingsToZero), "observed",
    `p95 latency of successful calls on the ${path} path: ${ms.p95} ms (p50 ${ms.p50} ms, p99 ${ms.p99} ms).`, fix);
}
