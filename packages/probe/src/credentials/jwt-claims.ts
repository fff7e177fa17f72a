// Reads `iat` and `exp` from a JWT-shaped bearer token without verifying it: the probe only needs to know
// whether the token it sends is already past its stated expiry. Anything not a JWT has no claims.

export interface TokenTimes {
  issuedAtMs?: number;
  expiresAtMs?: number;
}

export function jwtTimes(token: string): TokenTimes {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return {};
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { iat?: unknown; exp?: unknown };
    return {
      ...(typeof claims.iat === "number" && Number.isFinite(claims.iat) ? { issuedAtMs: claims.iat * 1000 } : {}),
      ...(typeof claims.exp === "number" && Number.isFinite(claims.exp) ? { expiresAtMs: claims.exp * 1000 } : {}),
    };
  } catch {
    return {};
  }
}
