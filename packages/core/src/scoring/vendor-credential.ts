// Whose credential a run carries: the vendor's only on the direct path. Behind a gateway the probe holds the
// gateway's credential, so that run's mode, lifetime, refreshes, expiries and auth_expired failures say
// nothing about the vendor. Every reader of credential evidence (scan, rollups, grading) asks here.
import type { RunPath } from "../probe/probe-record";
import type { GradeEvidence, PathTraffic } from "./evidence";

export function carriesVendorCredential(path: RunPath): boolean {
  return path === "direct";
}

/** The paths whose runs carry the vendor's credential (for queries that filter in SQL). */
export const vendorCredentialPaths: readonly RunPath[] = (["direct", "gateway"] as const).filter(carriesVendorCredential);

/** The run whose summary a grade reads, from runs newest first: the newest carrying the vendor's credential, else the newest (its tools still count). */
export function summaryRunOf<T extends { path: RunPath }>(newestFirst: readonly T[]): T | undefined {
  return newestFirst.find((run) => carriesVendorCredential(run.path)) ?? newestFirst[0];
}

/** The traffic whose auth failures are the vendor's credential's (e.g. auth_expired). */
export function vendorCredentialTraffic(e: Pick<GradeEvidence, "traffic">): PathTraffic | undefined {
  return e.traffic.direct;
}
