// The reporter behind an Authorization header: a Kensa API token sent as a bearer credential. Null for a
// missing, malformed, unknown or revoked token alike — the caller answers "unauthorized" without saying which.
import { verifyApiToken, type Database, type VerifiedToken } from "@kensa/db";

export async function reporterFromAuthorization(db: Database, authorization: string | null | undefined): Promise<VerifiedToken | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match ? verifyApiToken(db, match[1]!) : null;
}
