// A newer grade for one service as a probe holding no credential of ours would see it: the 401 challenge,
// RFC 9728 and RFC 8414 metadata observed, every call refused — so the real scorer grades it partial.
import type { GradeReport } from "@kensa/core";
import type { Database } from "@kensa/db";
import { observedOAuthChecks, storeRegrade } from "./regrade";

export async function storePartialGrade(db: Database, serviceId: string): Promise<GradeReport> {
  const refused = { runs: 1, calls: 1, successes: 0, vendorFailures: 0, clientFailures: 1, intermediaryFailures: 0, errorCounts: { auth_invalid: 1 }, latencyMs: { p50: null, p95: null, p99: null } };
  return storeRegrade(db, serviceId, (inputs) => {
    const { mode: _mode, ...credential } = inputs.credential;
    return { ...inputs, traffic: { direct: refused }, credential: { ...credential, refreshes: 0, expiredDuringRun: 0 }, checks: { ...inputs.checks, ...observedOAuthChecks } };
  }, {
    caller: "storePartialGrade",
    accept: (report) => {
      if (report.coverage !== "partial") throw new Error(`storePartialGrade: the scorer graded ${serviceId} ${report.coverage}, not partial`);
    },
  });
}
