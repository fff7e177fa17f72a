// The credentials the fleet issues for one service, under the secret names its catalogue entry uses:
// API keys, OAuth clients with refresh tokens or client-credentials grants, or a static access token that a
// simulated person renews by hand some time after it expires (freee's story).
import { KensaError, type CredentialSpec } from "@kensa/core";
import { fullScope } from "../auth/authorization-server";
import { derivedSecret } from "../util/seeded-random";
import type { Fleet, ServiceRuntime } from "./service-runtime";

export type SecretGetter = () => string;

/** The person's schedule: a token issued at the fleet's credential epoch, each renewal `manualRenewalLagSec` after
 * the previous token expired. Defined for any clock time (a history replayed before the fleet started too). */
function staticAccessToken(rt: ServiceRuntime, fleet: Fleet): SecretGetter {
  const { tokenLifetimeSec, manualRenewalLagSec } = rt.profile.auth;
  const period = tokenLifetimeSec * 1000 + (manualRenewalLagSec ?? 0) * 1000;
  const tokens = new Map<number, string>();
  return () => {
    const epoch = fleet.credentialEpochMs;
    const k = manualRenewalLagSec === null ? 0 : Math.floor((fleet.clock.now() - epoch) / period);
    const issuedAtMs = epoch + k * period;
    let token = tokens.get(issuedAtMs);
    if (!token) {
      token = rt.as!.issueFor(`${rt.id}-operator`, fullScope, tokenLifetimeSec, issuedAtMs).token;
      tokens.set(issuedAtMs, token);
      if (tokens.size > 4) tokens.delete(tokens.keys().next().value!);
    }
    return token;
  };
}

function mismatch(rt: ServiceRuntime, expected: string): never {
  throw new KensaError("bad_config", `sandbox: service "${rt.id}" uses credential kind "${rt.entry.credential.kind}" but its profile (${rt.entry.sandbox.profile}) ${expected}`);
}

/** Fills rt.keys and the AS's clients; returns secret name → value getter. */
export function issueCredentials(rt: ServiceRuntime, fleet: Fleet): Map<string, SecretGetter> {
  const spec: CredentialSpec = rt.entry.credential;
  const mode = rt.profile.auth.mode;
  const fixed = (value: string): SecretGetter => () => value;
  const out = new Map<string, SecretGetter>();
  if (mode === "api_key") rt.keys.gateway = `gk_${derivedSecret(fleet.seed, rt.id, "gateway-key")}`;
  switch (spec.kind) {
    case "none":
      if (mode !== "none") mismatch(rt, `requires authentication (${mode})`);
      return out;
    case "header":
    case "bearer":
      if (mode === "none") mismatch(rt, "has no authentication");
      if (mode === "api_key") {
        rt.keys.probe = `sk_${derivedSecret(fleet.seed, rt.id, "api-key")}`;
        rt.keys.header = spec.kind === "header" ? spec.header : null;
        out.set(spec.kind === "header" ? spec.valueSecret : spec.tokenSecret, fixed(rt.keys.probe));
        return out;
      }
      if (spec.kind === "header") mismatch(rt, "expects an OAuth bearer token");
      out.set(spec.tokenSecret, staticAccessToken(rt, fleet));
      return out;
    case "oauth-client-credentials": {
      if (!rt.as || !rt.profile.auth.clientCredentialsGrant) mismatch(rt, "does not offer the client-credentials grant");
      const clientId = `${rt.id}-probe`;
      const secret = derivedSecret(fleet.seed, rt.id, "client-secret");
      rt.as.registerClient(clientId, secret);
      out.set(spec.clientIdSecret, fixed(clientId)).set(spec.clientSecretSecret, fixed(secret));
      return out;
    }
    case "oauth-refresh": {
      if (!rt.as || !rt.profile.auth.refreshGrant) mismatch(rt, "does not offer the refresh-token grant");
      const clientId = `${rt.id}-probe`;
      const secret = spec.clientSecretSecret ? derivedSecret(fleet.seed, rt.id, "client-secret") : undefined;
      const refreshToken = `rt_${derivedSecret(fleet.seed, rt.id, "refresh-token")}`;
      rt.as.registerClient(clientId, secret);
      rt.as.grantRefreshToken(refreshToken, clientId);
      out.set(spec.refreshTokenSecret, fixed(refreshToken)).set(spec.clientIdSecret, fixed(clientId));
      if (spec.clientSecretSecret && secret) out.set(spec.clientSecretSecret, fixed(secret));
      return out;
    }
  }
}
