// A newer grade for one service whose evidence shows a full OAuth 2.1 discovery chain (401 challenge,
// RFC 9728 and RFC 8414 metadata with PKCE S256): how tests give an "unknown"-declared service an observation.
import { randomUUID } from "node:crypto";
import { GradeEvidence, gradeService } from "@kensa/core";
import { latestGrade, readGradeInputs, saveGradeSnapshot, type Database } from "@kensa/db";

export async function storeObservedOAuthGrade(db: Database, serviceId: string): Promise<void> {
  const newest = await latestGrade(db, serviceId);
  if (!newest) throw new Error(`storeObservedOAuthGrade: ${serviceId} has no grade to build on`);
  const inputs = GradeEvidence.parse(await readGradeInputs(db, newest.id));
  const evidence: GradeEvidence = {
    ...inputs,
    // The probe held a token of ours, as the sandbox's does: without one this grade would be partial (storePartialGrade).
    credential: { ...inputs.credential, mode: inputs.credential.mode ?? "oauth-client-credentials" },
    checks: {
      ...inputs.checks,
      auth_challenge: { verdict: "pass", facts: { authRequired: true } },
      protected_resource: { verdict: "pass", facts: {} },
      authorization_server: { verdict: "pass", facts: { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true } },
    },
  };
  const report = gradeService(evidence);
  const computedAt = new Date(newest.computedAt.getTime() + 60_000);
  if (!(await saveGradeSnapshot(db, { id: randomUUID(), serviceId, computedAt, source: newest.source, report, inputs: evidence }))) {
    throw new Error(`storeObservedOAuthGrade: the grade for ${serviceId} was already stored`);
  }
}
