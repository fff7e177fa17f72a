// A signed session cookie: which API token signed in and until when. The token itself never goes to the
// browser; revoking it ends every session made with it. CSRF tokens are bound to the session.
import { createHmac, timingSafeEqual } from "node:crypto";

export const sessionCookieName = "kensa_session";
export const sessionLifetimeSec = 8 * 3600;

export interface SessionClaims {
  tokenId: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

const mac = (secret: Buffer, text: string) => createHmac("sha256", secret).update(text).digest("base64url");

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signSession(secret: Buffer, claims: SessionClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(secret, `session:${body}`)}`;
}

export function verifySession(secret: Buffer, cookie: string | undefined, nowSec: number): SessionClaims | null {
  if (!cookie || cookie.length > 1000) return null;
  const [body, signature, extra] = cookie.split(".");
  if (!body || !signature || extra !== undefined || !same(signature, mac(secret, `session:${body}`))) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as SessionClaims;
    if (typeof claims.tokenId !== "string" || typeof claims.expiresAt !== "number" || claims.expiresAt <= nowSec) return null;
    return claims;
  } catch {
    return null;
  }
}

export function csrfToken(secret: Buffer, claims: SessionClaims): string {
  return mac(secret, `csrf:${claims.tokenId}:${claims.issuedAt}`);
}

export function csrfMatches(secret: Buffer, claims: SessionClaims, presented: string | null): boolean {
  return presented !== null && same(presented, csrfToken(secret, claims));
}
