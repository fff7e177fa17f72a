// Coverage: did the probe hold what it needs to observe the whole methodology? A server probed without a
// working credential of ours cannot show its reliability, so its grade is partial — computed over what could
// be observed, never floored at D because we hold no account. Decision table (direct path only: behind a
// gateway the credential is the gateway's):
//   a real credential of ours (static, OAuth)                      → full (a refusal of it is a finding)
//   documented dummy configuration (a package started on dummies)  → partial, no_credential
//   none, and the auth_challenge check saw initialize refused
//     without a credential (authRequired: true)                    → partial, no_credential
//   none, nothing succeeded, and a stdio server stopped asking for
//     a credential or setting (config_missing)                      → partial, not_configured
//   otherwise                                                       → full
// Partial is decided by the credential we held and by checks, never by counting refusals in the traffic:
// so more failures can never turn a full grade partial and lift it (scoring properties).
import { z } from "zod";
import type { CapId } from "./caps";
import type { GradeEvidence } from "./evidence";
import { countOf } from "./traffic-totals";
import { vendorCredentialTraffic } from "./vendor-credential";

export const Coverage = z.enum(["full", "partial"]);
export type Coverage = z.infer<typeof Coverage>;

export const CoverageReason = z.enum(["no_credential", "not_configured"]);
export type CoverageReason = z.infer<typeof CoverageReason>;

export interface GradeCoverage {
  coverage: Coverage;
  /** Empty when full. */
  reasons: CoverageReason[];
}

/** English, for reports and the API; the dashboard translates by id. */
export const coverageReasonText: Record<CoverageReason, string> = {
  no_credential: "probed without a working credential of ours: the server rightly refused us (or ran on dummy configuration), so its reliability is not tested",
  not_configured: "the server stopped before answering because it was not given the credential or setting it asks for, so its reliability is not tested",
};

/** The axes a coverage reason leaves untested (their weight moves to the tested axes). */
export const untestedAxesOf: Record<CoverageReason, readonly "reliability"[]> = {
  no_credential: ["reliability"],
  not_configured: ["reliability"],
};

export function gradeCoverage(e: GradeEvidence): GradeCoverage {
  const reason = partialReason(e);
  return reason === null ? { coverage: "full", reasons: [] } : { coverage: "partial", reasons: [reason] };
}

function partialReason(e: GradeEvidence): CoverageReason | null {
  const direct = vendorCredentialTraffic(e);
  if (direct === undefined) return null;
  if (e.credential.dummy === true) return "no_credential";
  const mode = e.credential.mode;
  if (mode !== undefined && mode !== "none") return null;
  if (e.checks.auth_challenge?.facts["authRequired"] === true) return "no_credential";
  if (direct.successes === 0 && countOf(direct.errorCounts, "config_missing") > 0) return "not_configured";
  return null;
}

/** The partial-coverage floor is applied exactly when coverage is partial, so stored caps say the coverage. */
export const partialCoverageCap = "floor.partial_coverage" satisfies CapId;

export function coverageOfCaps(capIds: readonly string[]): Coverage {
  return capIds.includes(partialCoverageCap) ? "partial" : "full";
}

export function isPartial(e: GradeEvidence): boolean {
  return partialReason(e) !== null;
}
