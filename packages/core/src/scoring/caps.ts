// Caps and evidence floors: limits on the grade whatever the weighted total says, each with its reason.
// A cap names the items whose fix lifts it; a floor is lifted only by more evidence (more successful calls).
import { isUnauthenticated } from "./axes/auth";
import { gradeCoverage, partialCoverageCap } from "./coverage";
import { acceptedInvalidToken, authOverStdio, type GradeEvidence } from "./evidence";
import { maxScoreOf, type Grade } from "./grade";
import type { Item } from "./items";
import { evidenceFloors, partialCeiling, reliabilityCaps } from "./methodology";
import { countOf, trafficTotals } from "./traffic-totals";
import { vendorCredentialTraffic } from "./vendor-credential";

export const capIds = [
  "floor.no_successful_calls", "floor.under_30_successes", "floor.under_100_successes", "floor.partial_coverage",
  "cap.reliability_below_75", "cap.reliability_below_90", "cap.no_auth_metadata", "cap.tokens_expire_mid_run",
  "cap.unauthenticated_write_tools", "cap.accepts_invalid_token",
  // Methodology 1.2 (caps-1-2-protocol.ts):
  "cap.accepts_header_mismatch",
] as const;
export type CapId = (typeof capIds)[number];

export interface AppliedCap {
  id: CapId;
  kind: "cap" | "floor";
  reason: string;
  maxGrade: Grade;
  /** The highest score allowed. */
  limit: number;
  /** Fixing any one of these items lifts the cap; empty for floors. */
  liftedBy: string[];
  /** The numbers in `reason`, so the dashboard can say it in another language. */
  values: Record<string, number>;
}

export function cap(id: CapId, kind: AppliedCap["kind"], maxGrade: Grade, reason: string, values: Record<string, number> = {}, liftedBy: string[] = []): AppliedCap {
  return { id, kind, reason, maxGrade, limit: maxScoreOf(maxGrade), liftedBy, values };
}

export function applicableCaps(e: GradeEvidence, items: readonly Item[]): AppliedCap[] {
  const t = trafficTotals(e);
  const fixable = (...ids: string[]) => ids.filter((id) => items.some((i) => i.id === id && i.scored));
  const caps: AppliedCap[] = [];
  const coverage = gradeCoverage(e);

  if (coverage.coverage === "partial") {
    // Reliability is not tested, so the success floors and reliability caps have nothing to judge; this one
    // ceiling stands in for them. A working credential (more evidence) lifts it, so it is a floor.
    caps.push(cap(partialCoverageCap, "floor", partialCeiling, `Partial grade: reliability not tested (${coverage.reasons.map((r) => r.replace("_", " ")).join(", ")}); a partial grade is never above ${partialCeiling}.`));
  } else {
    caps.push(...successFloorsAndReliabilityCaps(t, fixable));
  }
  caps.push(...authCaps(e, fixable));
  return caps;
}

function successFloorsAndReliabilityCaps(t: ReturnType<typeof trafficTotals>, fixable: (...ids: string[]) => string[]): AppliedCap[] {
  const caps: AppliedCap[] = [];
  if (t.successes === 0) caps.push(cap("floor.no_successful_calls", "floor", "D", "No call succeeded in the window, so nothing supports a grade."));
  else if (t.successes < evidenceFloors.aa) caps.push(cap("floor.under_30_successes", "floor", "A", `Only ${t.successes} successful calls in the window: fewer than ${evidenceFloors.aa} never earn above A.`, { successes: t.successes, needed: evidenceFloors.aa }));
  else if (t.successes < evidenceFloors.aaa) caps.push(cap("floor.under_100_successes", "floor", "AA", `Only ${t.successes} successful calls in the window: AAA needs at least ${evidenceFloors.aaa}.`, { successes: t.successes, needed: evidenceFloors.aaa }));

  const judged = t.successes + t.vendorFailures;
  const rate = judged === 0 ? 1 : t.successes / judged;
  const percent = Math.round(rate * 1000) / 10;
  const pct = `${percent}%`;
  if (rate < reliabilityCaps.belowBB) caps.push(cap("cap.reliability_below_75", "cap", "BB", `Vendor-attributable success is ${pct}, under 75%.`, { percent, limit: 75 }, fixable("reliability.vendor_success")));
  else if (rate < reliabilityCaps.belowA) caps.push(cap("cap.reliability_below_90", "cap", "A", `Vendor-attributable success is ${pct}, under 90%.`, { percent, limit: 90 }, fixable("reliability.vendor_success")));
  return caps;
}

function authCaps(e: GradeEvidence, fixable: (...ids: string[]) => string[]): AppliedCap[] {
  const caps: AppliedCap[] = [];

  const metadataChecks = [e.checks.auth_challenge, e.checks.protected_resource, e.checks.authorization_server];
  // A stdio server has no HTTP auth metadata to publish: it takes its credentials from its environment.
  if (!authOverStdio(e.checks) && !metadataChecks.some((c) => c?.verdict === "pass")) {
    caps.push(cap("cap.no_auth_metadata", "cap", "AA", "No auth metadata at all: no 401 challenge naming resource_metadata, no RFC 9728 or RFC 8414 document.", {},
      fixable("auth.challenge", "auth.protected_resource", "auth.authorization_server")));
  }
  const vendorTraffic = vendorCredentialTraffic(e);
  const expired = vendorTraffic ? countOf(vendorTraffic.errorCounts, "auth_expired") : 0;
  if (expired > 0) caps.push(cap("cap.tokens_expire_mid_run", "cap", "AA", `Tokens expired mid-operation ${expired} times in the window (auth_expired).`, { expired }, fixable("auth.expiry_free")));
  if (isUnauthenticated(e) && (e.tools?.writeTools ?? 0) > 0) {
    caps.push(cap("cap.unauthenticated_write_tools", "cap", "B", `No authentication, yet ${e.tools!.writeTools} tools are not marked read-only.`, { writeTools: e.tools!.writeTools }, fixable("auth.authentication")));
  }
  if (acceptedInvalidToken(e.checks)) {
    caps.push(cap("cap.accepts_invalid_token", "cap", "B", "A garbage bearer token was accepted.", {}, fixable("auth.invalid_token_rejected")));
  }
  return caps;
}

export function scoreAfterCaps(scoreBeforeCaps: number, caps: readonly AppliedCap[]): number {
  return caps.reduce((score, c) => Math.min(score, c.limit), scoreBeforeCaps);
}
