// Adoption of OAuth, SSO and IaC across the catalogue, by vendor origin, from two sources that are never
// blended: what the entries declare (each fact with its source; unknown counts as not declared) and what the
// sandbox simulates for them (their populated profiles). The trends page and the API show both, labelled.
import type { CatalogueEntry } from "./catalogue-entry";
import { sandboxProfileOf } from "./catalogue-entry";
import { vendorOrigin, type VendorOrigin } from "./vendor-origin";
import { hasIacFeature, hasSsoFeature, oauthOrBetterMethods, populationTier } from "../sandbox/population";

export interface AdoptionCounts {
  services: number;
  oauth: number;
  sso: number;
  iac: number;
}

export interface AdoptionByOrigin {
  all: AdoptionCounts;
  domestic: AdoptionCounts;
  global: AdoptionCounts;
  /** The seed's top tier (population.ts): how many there are and how many have SSO. */
  topTier: { services: number; sso: number };
}

export interface Adoption {
  /** From the catalogue's sourced declarations. */
  declared: AdoptionByOrigin;
  /** From the sandbox profiles that simulate the same services: simulated, never observed. */
  simulated: AdoptionByOrigin;
}

type Flags = { oauth: boolean; sso: boolean; iac: boolean };

function declaredFlags(e: CatalogueEntry): Flags {
  const t = (name: keyof CatalogueEntry["facts"]) => e.facts[name].value === true;
  return {
    oauth: oauthOrBetterMethods.has(e.authMethod),
    sso: hasSsoFeature(e.authMethod, { saml: t("saml"), oidc: t("oidc"), idJag: t("idJag") }),
    iac: hasIacFeature({ terraformProvider: t("terraformProvider"), pulumiProvider: t("pulumiProvider") }),
  };
}

function simulatedFlags(e: CatalogueEntry): Flags {
  const p = sandboxProfileOf(e);
  const oauth = oauthOrBetterMethods.has(p.auth.mode);
  return {
    oauth,
    sso: hasSsoFeature(p.auth.mode, { saml: p.enterprise.saml, oidc: p.enterprise.oidc, idJag: oauth && p.metadata.idJag }),
    iac: hasIacFeature(p.enterprise),
  };
}

function tally(entries: readonly CatalogueEntry[], flags: (e: CatalogueEntry) => Flags): AdoptionByOrigin {
  const zero = (): AdoptionCounts => ({ services: 0, oauth: 0, sso: 0, iac: 0 });
  const out: AdoptionByOrigin = { all: zero(), domestic: zero(), global: zero(), topTier: { services: 0, sso: 0 } };
  for (const e of entries) {
    const f = flags(e);
    const origin: VendorOrigin = vendorOrigin(e);
    for (const c of [out.all, out[origin]]) {
      c.services += 1;
      c.oauth += Number(f.oauth);
      c.sso += Number(f.sso);
      c.iac += Number(f.iac);
    }
    if (populationTier[e.sandbox.profile] === "top") {
      out.topTier.services += 1;
      out.topTier.sso += Number(f.sso);
    }
  }
  return out;
}

export function adoptionOf(entries: readonly CatalogueEntry[]): Adoption {
  return { declared: tally(entries, declaredFlags), simulated: tally(entries, simulatedFlags) };
}
