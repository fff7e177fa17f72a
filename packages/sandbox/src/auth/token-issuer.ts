// Access tokens for every simulated authorization server: HS256 JWTs carrying their expiry, checked
// against the shared controllable clock, so a 24-hour token really expires when the clock says so.
import { createHash } from "node:crypto";
import type { Clock } from "@kensa/core";
import { signHs256, verifyHs256 } from "./jwt";

export interface AccessClaims {
  iss: string;
  sub: string;
  aud: string;
  scope: string;
  svc: string;
  iat: number;
  exp: number;
  jti: string;
}

export interface IssuedToken {
  token: string;
  expiresInSec: number;
  claims: AccessClaims;
}

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: "expired" | "invalid" };

export class TokenIssuer {
  readonly #key: Buffer;
  readonly #counters = new Map<string, number>();

  constructor(seed: number, readonly clock: Clock) {
    this.#key = createHash("sha256").update(`kensa-sandbox-token-key:${seed}`).digest();
  }

  issue(input: { iss: string; sub: string; aud: string; scope: string; svc: string; lifetimeSec: number; issuedAtMs?: number }): IssuedToken {
    const n = (this.#counters.get(input.svc) ?? 0) + 1;
    this.#counters.set(input.svc, n);
    const iat = Math.floor((input.issuedAtMs ?? this.clock.now()) / 1000);
    const claims: AccessClaims = { iss: input.iss, sub: input.sub, aud: input.aud, scope: input.scope, svc: input.svc, iat, exp: iat + input.lifetimeSec, jti: `${input.svc}-${n}` };
    const expiresInSec = Math.max(0, claims.exp - Math.floor(this.clock.now() / 1000));
    return { token: signHs256({ ...claims }, this.#key), expiresInSec, claims };
  }

  /** A token is good for service `svc` only, and only until its exp by the shared clock. */
  check(token: string, svc: string): TokenCheck {
    const claims = verifyHs256(token, this.#key) as Partial<AccessClaims> | null;
    if (!claims || claims.svc !== svc || typeof claims.exp !== "number" || typeof claims.scope !== "string") return { ok: false, reason: "invalid" };
    if (claims.exp * 1000 <= this.clock.now()) return { ok: false, reason: "expired" };
    return { ok: true, claims: claims as AccessClaims };
  }

  /** For enterprise identity assertions (ID-JAG) the fleet mints in tests: same key, a different type. */
  signAssertion(claims: Record<string, unknown>): string {
    return signHs256(claims, this.#key, "oauth-id-jag+jwt");
  }

  verifyAssertion(token: string): Record<string, unknown> | null {
    return verifyHs256(token, this.#key);
  }
}
