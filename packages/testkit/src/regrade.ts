// A newer grade for one service, scored by the real scorer from its newest stored evidence with some of it
// changed: how tests put a service into a state the sandbox's history does not produce (an observed OAuth
// chain, a probe without our credential). Stored one minute after the newest grade, same source.
import { randomUUID } from "node:crypto";
import { GradeEvidence, gradeService, type GradeReport } from "@kensa/core";
import { latestGrade, readGradeInputs, saveGradeSnapshot, type Database } from "@kensa/db";

/** The checks of a full OAuth 2.1 discovery chain: 401 challenge, RFC 9728 and RFC 8414 metadata with PKCE S256. */
export const observedOAuthChecks: GradeEvidence["checks"] = {
  auth_challenge: { verdict: "pass", facts: { authRequired: true } },
  protected_resource: { verdict: "pass", facts: {} },
  authorization_server: { verdict: "pass", facts: { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true } },
};

export interface RegradeOptions {
  /** Named in errors. */
  caller: string;
  /** Throws when the scorer's report is not what the caller needs; nothing is stored then. */
  accept?: (report: GradeReport) => void;
}

export async function storeRegrade(db: Database, serviceId: string, change: (stored: GradeEvidence) => GradeEvidence, { caller, accept }: RegradeOptions): Promise<GradeReport> {
  const newest = await latestGrade(db, serviceId);
  if (!newest) throw new Error(`${caller}: ${serviceId} has no grade to build on`);
  const evidence = change(GradeEvidence.parse(await readGradeInputs(db, newest.id)));
  const report = gradeService(evidence);
  accept?.(report);
  const computedAt = new Date(newest.computedAt.getTime() + 60_000);
  if (!(await saveGradeSnapshot(db, { id: randomUUID(), serviceId, computedAt, source: newest.source, report, inputs: evidence }))) {
    throw new Error(`${caller}: the grade for ${serviceId} was already stored`);
  }
  return report;
}
