// A newer grade for one service whose evidence shows a full OAuth 2.1 discovery chain: how tests give an
// "unknown"-declared service an observation.
import type { Database } from "@kensa/db";
import { observedOAuthChecks, storeRegrade } from "./regrade";

export async function storeObservedOAuthGrade(db: Database, serviceId: string): Promise<void> {
  await storeRegrade(db, serviceId, (inputs) => ({
    ...inputs,
    // The probe held a token of ours, as the sandbox's does: without one this grade would be partial (storePartialGrade).
    credential: { ...inputs.credential, mode: inputs.credential.mode ?? "oauth-client-credentials" },
    checks: { ...inputs.checks, ...observedOAuthChecks },
  }), { caller: "storeObservedOAuthGrade" });
}
