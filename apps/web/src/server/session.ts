// Who is signed in: a vendor or operator who pasted an API token on /signin (see session-cookie.ts).
// The session holds while its token is unrevoked; write controls such as "re-probe now" need one.
import { cookies } from "next/headers";
import { activeApiToken } from "@kensa/db";
import { getDatabase } from "./database";
import { csrfToken, sessionCookieName, verifySession } from "./session-cookie";
import { sessionSecret } from "./session-secret";

export interface Session {
  subject: string;
  tokenId: string;
  scopes: string[];
  /** Goes into every form that posts back. */
  csrf: string;
}

export async function sessionFromCookie(cookie: string | undefined): Promise<Session | null> {
  const secret = sessionSecret();
  const claims = verifySession(secret, cookie, Math.floor(Date.now() / 1000));
  if (!claims) return null;
  const token = await activeApiToken((await getDatabase()), claims.tokenId);
  return token ? { subject: token.name, tokenId: token.id, scopes: token.scopes, csrf: csrfToken(secret, claims) } : null;
}

export async function currentSession(): Promise<Session | null> {
  return sessionFromCookie((await cookies()).get(sessionCookieName)?.value);
}
