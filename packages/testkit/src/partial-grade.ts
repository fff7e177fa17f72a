// A newer grade for one service as a probe holding no credential of ours would see it: the 401 challenge,
// RFC 9728 and RFC 8414 metadata observed, every call refused — so the real scorer grades it partial.
import { randomUUID } from "node:crypto";
import { GradeEvidence, gradeService, type GradeReport } from "@kensa/core";
import { latestGrade, readGradeInputs, saveGradeSnapshot, type Database } from "@kensa/db";

export async function storePartialGrade(db: Database, serviceId: string): Promise<GradeReport> {
  const newest = await latestGrade(db, serviceId);
  if (!newest) throw new Error(`storePartialGrade: ${serviceId} has no grade to build on`);
  const inputs = GradeEvidence.parse(await readGradeInputs(db, newest.id));
  const refused = { runs: 1, calls: 1, successes: 0, vendorFailures: 0, clientFailures: 1, intermediaryFailures: 0, errorCounts: { auth_invalid: 1 }, latencyMs: { p50: null, p95: null, p99: null } };
  const { mode: _mode, ...credential } = inputs.credential;
  const evidence: GradeEvidence = {
    ...inputs,
    traffic: { direct: refused },
    credential: { ...credential, refreshes: 0, expiredDuringRun: 0 },
    checks: {
      ...inputs.checks,
      auth_challenge: { verdict: "pass", facts: { authRequired: true } },
      protected_resource: { verdict: "pass", facts: {} },
      authorization_server: { verdict: "pass", facts: { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true } },
    },
  };
  const report = gradeService(evidence);
  if (report.coverage !== "partial") throw new Error(`storePartialGrade: the scorer graded ${serviceId} ${report.coverage}, not partial`);
  const computedAt = new Date(newest.computedAt.getTime() + 60_000);
  if (!(await saveGradeSnapshot(db, { id: randomUUID(), serviceId, computedAt, source: newest.source, report, inputs: evidence }))) {
    throw new Error(`storePartialGrade: the grade for ${serviceId} was already stored`);
  }
  return report;
}
