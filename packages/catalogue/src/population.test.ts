// The simulated population over the whole catalogue: every sourced declaration agrees with the sandbox profile
// that simulates the service, and where nothing is declared the profiles give the seed report's shape —
// ~60% OAuth 2.0 or better, full SSO at the top tier (rare below), IaC near zero among domestic vendors.
import { beforeAll, describe, expect, it } from "vitest";
import { adoptionOf, profileContradictions, resolveProfile, sandboxProfileOf, type Adoption, type CatalogueEntry } from "@kensa/core";
import { loadCatalogue } from "./load-catalogue";

describe("the sandbox population (probes/)", () => {
  let entries: CatalogueEntry[];
  let adoption: Adoption;
  beforeAll(async () => {
    entries = (await loadCatalogue()).entries;
    adoption = adoptionOf(entries);
  });

  it("never contradicts a sourced declaration: auth method, token lifetime, SAML/OIDC/SCIM, ID-JAG, Terraform/Pulumi, OpenTelemetry", () => {
    const contradictions = entries.flatMap((e) => profileContradictions(e, sandboxProfileOf(e)).map((c) => `${e.id}: ${c.declared} declared ${c.expected}, simulated ${c.simulated}`));
    expect(contradictions).toEqual([]);
    // The check has teeth here: the bindings alone (before declarations are applied) contradict some sources.
    const unbound = entries.filter((e) => {
      const r = resolveProfile(e.sandbox);
      return r.ok && profileContradictions(e, r.profile).length > 0;
    });
    expect(unbound.length).toBeGreaterThan(0);
  });

  it("simulates every service declared with SSO with it, and every declared IaC provider", () => {
    for (const e of entries) {
      const p = sandboxProfileOf(e);
      if (e.facts.saml.value === true) expect(p.enterprise.saml, e.id).toBe(true);
      if (e.facts.oidc.value === true) expect(p.enterprise.oidc, e.id).toBe(true);
      if (e.facts.terraformProvider.value === true) expect(p.enterprise.terraformProvider, e.id).toBe(true);
    }
    expect(adoption.simulated.all.sso).toBeGreaterThanOrEqual(adoption.declared.all.sso);
    expect(adoption.simulated.all.iac).toBeGreaterThanOrEqual(adoption.declared.all.iac);
  });

  it("has the seed's shape: ~60% OAuth 2.0 or better, full SSO at the top tier, IaC near zero among domestic vendors", () => {
    const s = adoption.simulated;
    const share = (n: number, of: number) => n / of;
    expect(share(s.all.oauth, s.all.services)).toBeGreaterThanOrEqual(0.55);
    expect(share(s.all.oauth, s.all.services)).toBeLessThanOrEqual(0.65);
    expect(s.topTier.services).toBeGreaterThan(0);
    expect(s.topTier.sso).toBe(s.topTier.services);
    const belowTop = share(s.all.sso - s.topTier.sso, s.all.services - s.topTier.services);
    expect(belowTop).toBeLessThan(0.3);
    expect(s.domestic.services).toBeGreaterThan(30);
    expect(share(s.domestic.iac, s.domestic.services)).toBeLessThanOrEqual(0.05);
    expect(share(s.global.iac, s.global.services)).toBeGreaterThan(3 * share(s.domestic.iac, s.domestic.services));
    expect(share(s.domestic.sso, s.domestic.services)).toBeLessThan(share(s.global.sso, s.global.services));
  });

  it("generates each service's profile deterministically", () => {
    for (const e of entries) expect(sandboxProfileOf(structuredClone(e))).toEqual(sandboxProfileOf(e));
  });
});
