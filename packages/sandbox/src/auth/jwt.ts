// Compact JWTs with node:crypto only: HS256 for the simulated authorization servers' access tokens (the
// fleet is both issuer and verifier), EdDSA for the gateway's caller claims (verifiable with a public key).
import { createHmac, sign, timingSafeEqual, verify, type KeyObject } from "node:crypto";

export type JwtClaims = Record<string, unknown> & { exp?: number; iat?: number };

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

function split(token: string): { header: Record<string, unknown>; claims: JwtClaims; signingInput: string; signature: Buffer } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as Record<string, unknown>;
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as JwtClaims;
    if (typeof header !== "object" || header === null || typeof claims !== "object" || claims === null) return null;
    return { header, claims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, "base64url") };
  } catch {
    return null;
  }
}

export function signHs256(claims: JwtClaims, key: Buffer, typ = "at+jwt"): string {
  const input = `${b64(JSON.stringify({ alg: "HS256", typ }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", key).update(input).digest("base64url")}`;
}

/** The claims when the signature is good (expiry is the caller's business: it needs the clock). */
export function verifyHs256(token: string, key: Buffer): JwtClaims | null {
  const parsed = split(token);
  if (!parsed || parsed.header.alg !== "HS256") return null;
  const expected = createHmac("sha256", key).update(parsed.signingInput).digest();
  if (expected.length !== parsed.signature.length || !timingSafeEqual(expected, parsed.signature)) return null;
  return parsed.claims;
}

export function signEdDsa(claims: JwtClaims, privateKey: KeyObject, kid: string): string {
  const input = `${b64(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString("base64url")}`;
}

export function verifyEdDsa(token: string, publicKey: KeyObject): JwtClaims | null {
  const parsed = split(token);
  if (!parsed || parsed.header.alg !== "EdDSA") return null;
  return verify(null, Buffer.from(parsed.signingInput), publicKey, parsed.signature) ? parsed.claims : null;
}
