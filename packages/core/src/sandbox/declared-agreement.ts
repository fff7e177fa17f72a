// Where a sandbox profile contradicts what the catalogue entry's sources declare: the check behind "a simulated
// profile never contradicts a sourced declaration". Written apart from population.ts (which makes profiles agree)
// so a test over the whole catalogue holds the one to the other. Every declaration carries a source (the
// catalogue schema refuses one without), so every declared value is checked; "unknown" constrains nothing.
import type { BehaviourProfile, EnterpriseFeatures } from "./behaviour-profile";
import type { CatalogueEntry } from "../catalogue/catalogue-entry";

export interface Contradiction {
  /** The declaration contradicted: authMethod, tokenLifetime or a fact name. */
  declared: string;
  expected: string;
  simulated: string;
}

const featureFacts = ["saml", "oidc", "scim", "terraformProvider", "pulumiProvider", "openTelemetry"] as const satisfies readonly (keyof EnterpriseFeatures)[];

export function profileContradictions(entry: Pick<CatalogueEntry, "authMethod" | "tokenLifetime" | "facts">, profile: BehaviourProfile): Contradiction[] {
  const out: Contradiction[] = [];
  const { auth, metadata } = profile;
  if (entry.authMethod !== "unknown" && auth.mode !== entry.authMethod) {
    out.push({ declared: "authMethod", expected: entry.authMethod, simulated: auth.mode });
  }
  if (entry.authMethod === "oauth2_1_pkce" && (metadata.pkce !== "S256" || metadata.implicitGrant)) {
    out.push({ declared: "authMethod", expected: "PKCE S256 without the implicit grant (OAuth 2.1)", simulated: `pkce ${metadata.pkce}, implicit grant ${metadata.implicitGrant}` });
  }
  const oauth = auth.mode !== "none" && auth.mode !== "api_key";
  if (entry.tokenLifetime && oauth && auth.tokenLifetimeSec !== entry.tokenLifetime.seconds) {
    out.push({ declared: "tokenLifetime", expected: `${entry.tokenLifetime.seconds} s`, simulated: `${auth.tokenLifetimeSec} s` });
  }
  for (const name of featureFacts) {
    const value = entry.facts[name].value;
    if (value !== "unknown" && profile.enterprise[name] !== value) out.push({ declared: name, expected: String(value), simulated: String(profile.enterprise[name]) });
  }
  if (entry.facts.saml.value === false && entry.facts.oidc.value === false && auth.mode === "enterprise_sso") {
    out.push({ declared: "saml+oidc", expected: "no SSO-brokered auth", simulated: auth.mode });
  }
  const idJag = entry.facts.idJag.value;
  if (idJag !== "unknown" && oauth && metadata.idJag !== idJag) out.push({ declared: "idJag", expected: String(idJag), simulated: String(metadata.idJag) });
  if (entry.facts.openTelemetry.value === true && profile.traceContext !== "echo") {
    out.push({ declared: "openTelemetry", expected: "W3C trace context echoed", simulated: profile.traceContext });
  }
  return out;
}
