// The simulated population: each catalogue entry's sandbox profile made to agree with what its sources declare,
// and, where nothing is declared, drawn so the whole fleet has the seed report's shape — ~60% OAuth 2.0 or
// better, full SSO (SAML/OIDC) only at the top tier, Terraform/IaC near zero among domestic vendors.
// Rules, in order (a declaration always wins; the draw only fills what no source says):
//   auth method declared            → the profile's auth mode is it (SSO is then a feature, below); oauth2_1_pkce
//                                      also means PKCE S256 and no implicit grant; a declared token lifetime is
//                                      the lifetime of the simulated tokens
//   saml / oidc / scim / terraform / pulumi / openTelemetry declared → the enterprise feature is that value
//   idJag declared                  → the authorization server advertises ID-JAG or not
//   openTelemetry declared true     → W3C trace context is echoed
//   SSO declared false everywhere   → an enterprise_sso mode the binding chose falls back to oauth2
//   nothing declared                → the draw below, per service id (the same id always draws the same)
// Pure and deterministic: the fleet, the dashboard's simulated figures and the tests all call this.
import { BehaviourProfile, type EnterpriseFeatures } from "./behaviour-profile";
import type { SandboxProfileName } from "./profile-library";
import type { CatalogueEntry } from "../catalogue/catalogue-entry";
import type { AuthMethod, DeclaredFacts } from "../catalogue/declared-facts";
import { vendorOrigin, type VendorOrigin } from "../catalogue/vendor-origin";

/** How a named profile ranks in the population: the seed's top tier, the upper mid-market, the rest. */
export type PopulationTier = "top" | "upper" | "mid";

export const populationTier: Record<SandboxProfileName, PopulationTier> = {
  "enterprise-sso": "top",
  "oauth-exemplary": "top",
  "oauth-solid": "upper",
  "chat-structured-blocks": "upper",
  "oauth-standard": "mid",
  "oauth-legacy": "mid",
  "oauth-misconfigured": "mid",
  "oauth-day-token": "mid",
  "gateway-blocked": "mid",
  "gateway-overprivileged": "mid",
  "api-key-basic": "mid",
  "api-key-flaky": "mid",
  "open-read-only": "mid",
  "open-with-writes": "mid",
};

/** Chance that an undeclared feature is drawn true, by tier and origin: SSO is full at the top and rare below,
 * IaC providers are a global vendors' thing (the seed names only GitHub, AWS and Shopify), SCIM follows SSO. */
const drawRates: Record<"sso" | "iac", Record<PopulationTier, Record<VendorOrigin, number>>> = {
  sso: { top: { domestic: 1, global: 1 }, upper: { domestic: 0.1, global: 0.25 }, mid: { domestic: 0, global: 0 } },
  iac: { top: { domestic: 0, global: 0.5 }, upper: { domestic: 0, global: 0.2 }, mid: { domestic: 0, global: 0 } },
};

export type PopulationEntry = Pick<CatalogueEntry, "id" | "name" | "vendor" | "homepage" | "authMethod" | "tokenLifetime" | "facts" | "sandbox">;

/** FNV-1a over the text, as a number in [0, 1): a stable draw per service and feature. */
export function populationDraw(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

const declaredValue = (facts: DeclaredFacts, name: keyof DeclaredFacts): boolean | null => {
  const v = facts[name].value;
  return v === "unknown" ? null : v;
};

export const oauthOrBetterMethods: ReadonlySet<AuthMethod> = new Set(["oauth2", "oauth2_1_pkce", "enterprise_sso"]);

/** SSO as the trends page counts it: SSO-brokered auth, or a SAML / OIDC / ID-JAG capability. */
export function hasSsoFeature(authMethod: AuthMethod | string, features: { saml: boolean; oidc: boolean; idJag: boolean }): boolean {
  return authMethod === "enterprise_sso" || features.saml || features.oidc || features.idJag;
}

/** IaC as the trends page counts it: a Terraform or Pulumi provider. */
export function hasIacFeature(features: { terraformProvider: boolean; pulumiProvider: boolean }): boolean {
  return features.terraformProvider || features.pulumiProvider;
}

/** The entry's resolved profile with its declarations applied and its undeclared features drawn. */
export function populateProfile(entry: PopulationEntry, base: BehaviourProfile): BehaviourProfile {
  const facts = entry.facts;
  const tier = populationTier[entry.sandbox.profile];
  const origin = vendorOrigin(entry);
  const draw = (feature: "sso" | "iac") => populationDraw(`${entry.id}:${feature}`) < drawRates[feature][tier][origin];
  const saml = declaredValue(facts, "saml");
  const oidc = declaredValue(facts, "oidc");
  const ssoDeclaredFalse = saml === false && oidc === false;
  const drawnSso = base.auth.mode === "enterprise_sso" ? !ssoDeclaredFalse : draw("sso");
  const drawnIac = draw("iac");
  const otel = declaredValue(facts, "openTelemetry");
  const enterprise: EnterpriseFeatures = {
    saml: saml ?? (base.enterprise.saml || drawnSso),
    oidc: oidc ?? (base.enterprise.oidc || drawnSso),
    scim: declaredValue(facts, "scim") ?? (base.enterprise.scim || (drawnSso && tier === "top")),
    terraformProvider: declaredValue(facts, "terraformProvider") ?? (base.enterprise.terraformProvider || drawnIac),
    pulumiProvider: declaredValue(facts, "pulumiProvider") ?? base.enterprise.pulumiProvider,
    openTelemetry: otel ?? (base.enterprise.openTelemetry || base.traceContext === "echo"),
  };
  const auth = { ...base.auth, mode: populatedAuthMode(entry.authMethod, base.auth.mode, ssoDeclaredFalse) };
  if (entry.tokenLifetime && auth.mode !== "none" && auth.mode !== "api_key") auth.tokenLifetimeSec = entry.tokenLifetime.seconds;
  const metadata = { ...base.metadata };
  if (entry.authMethod === "oauth2_1_pkce") Object.assign(metadata, { pkce: "S256", implicitGrant: false });
  const idJag = declaredValue(facts, "idJag");
  if (idJag !== null) metadata.idJag = idJag;
  const traceContext = otel === true ? "echo" : base.traceContext;
  return BehaviourProfile.parse({ ...base, auth, metadata, traceContext, enterprise });
}

function populatedAuthMode(declared: AuthMethod, bound: BehaviourProfile["auth"]["mode"], ssoDeclaredFalse: boolean): BehaviourProfile["auth"]["mode"] {
  if (declared === "unknown") return bound === "enterprise_sso" && ssoDeclaredFalse ? "oauth2" : bound;
  return declared;
}
