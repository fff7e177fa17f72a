import { describe, expect, it } from "vitest";
import { CatalogueEntry, sandboxProfileOf, type CatalogueEntryInput } from "../catalogue/catalogue-entry";
import { vendorOrigin } from "../catalogue/vendor-origin";
import { profileContradictions } from "./declared-agreement";
import { populateProfile, populationDraw } from "./population";
import { resolveProfile } from "./resolve-profile";

const base: CatalogueEntryInput = {
  id: "example",
  name: { en: "Example" },
  vendor: "Example, Inc.",
  category: "accounting",
  homepage: "https://example.com/",
  endpoint: { url: null, transport: "streamable-http" },
  authMethod: "unknown",
  credential: { kind: "oauth-refresh", refreshTokenSecret: "EX_REFRESH", clientIdSecret: "EX_ID" },
  intervalSec: 900,
  sandbox: { profile: "oauth-standard" },
};
const entry = (change: Partial<CatalogueEntryInput>) => CatalogueEntry.parse({ ...base, ...change });
const bound = (e: CatalogueEntry) => {
  const r = resolveProfile(e.sandbox);
  if (!r.ok) throw new Error("invalid binding");
  return r.profile;
};
const sourced = (value: boolean) => ({ value, source: "https://example.com/docs" });

describe("populateProfile: the simulation follows what is declared", () => {
  it("simulates a declared auth method, OAuth 2.1's PKCE and a declared token lifetime over the binding's", () => {
    const e = entry({ authMethod: "oauth2_1_pkce", authMethodSource: "https://example.com/docs", sandbox: { profile: "oauth-legacy" }, tokenLifetime: { seconds: 600, source: "https://example.com/docs" } });
    expect(profileContradictions(e, bound(e)).map((c) => c.declared).sort()).toEqual(["authMethod", "authMethod", "tokenLifetime"]);
    const p = sandboxProfileOf(e);
    expect(p.auth).toMatchObject({ mode: "oauth2_1_pkce", tokenLifetimeSec: 600 });
    expect(p.metadata).toMatchObject({ pkce: "S256", implicitGrant: false });
    expect(profileContradictions(e, p)).toEqual([]);
  });

  it("keeps a declared OAuth method over an enterprise-SSO binding, with the declared SSO as a feature", () => {
    const e = entry({ authMethod: "oauth2", authMethodSource: "https://example.com/docs", sandbox: { profile: "enterprise-sso" }, facts: { saml: sourced(true) } });
    const p = sandboxProfileOf(e);
    expect(p.auth.mode).toBe("oauth2");
    expect(p.enterprise.saml).toBe(true);
    expect(profileContradictions(e, p)).toEqual([]);
  });

  it("drops SSO-brokered auth when SAML and OIDC are both declared absent", () => {
    const e = entry({ sandbox: { profile: "enterprise-sso" }, facts: { saml: sourced(false), oidc: sourced(false) } });
    expect(profileContradictions(e, bound(e)).map((c) => c.declared)).toEqual(["saml", "oidc", "saml+oidc"]);
    const p = sandboxProfileOf(e);
    expect(p.auth.mode).toBe("oauth2");
    expect(p.enterprise).toMatchObject({ saml: false, oidc: false });
  });

  it("sets every declared feature, ID-JAG and OpenTelemetry's trace echo as declared", () => {
    const facts = { scim: sourced(true), terraformProvider: sourced(true), pulumiProvider: sourced(false), openTelemetry: sourced(true), idJag: sourced(true) };
    const e = entry({ sandbox: { profile: "oauth-standard" }, facts });
    expect(profileContradictions(e, bound(e)).map((c) => c.declared).sort()).toEqual(["idJag", "openTelemetry", "openTelemetry", "scim", "terraformProvider"]);
    const p = sandboxProfileOf(e);
    expect(p.enterprise).toMatchObject({ scim: true, terraformProvider: true, pulumiProvider: false, openTelemetry: true });
    expect(p.metadata.idJag).toBe(true);
    expect(p.traceContext).toBe("echo");
    expect(profileContradictions(e, p)).toEqual([]);
  });

  it("draws undeclared features per service: full SSO at the top tier, no IaC for a domestic vendor, the same draw every time", () => {
    const top = entry({ sandbox: { profile: "oauth-exemplary" } });
    expect(sandboxProfileOf(top).enterprise).toMatchObject({ saml: true, oidc: true, scim: true });
    const mid = entry({ sandbox: { profile: "oauth-standard" } });
    expect(sandboxProfileOf(mid).enterprise).toMatchObject({ saml: false, oidc: false, terraformProvider: false });
    for (let i = 0; i < 40; i++) {
      const domestic = entry({ id: `jp-${i}`, vendor: "Example K.K.", sandbox: { profile: "oauth-exemplary" } });
      expect(vendorOrigin(domestic)).toBe("domestic");
      expect(sandboxProfileOf(domestic).enterprise.terraformProvider).toBe(false);
    }
    const globals = Array.from({ length: 40 }, (_, i) => entry({ id: `global-${i}`, sandbox: { profile: "oauth-exemplary" } }));
    expect(globals.filter((g) => sandboxProfileOf(g).enterprise.terraformProvider).length).toBeGreaterThan(0);
    expect(sandboxProfileOf(entry({ id: "global-7", sandbox: { profile: "oauth-exemplary" } }))).toEqual(sandboxProfileOf(globals[7]!));
    expect(populationDraw("a:sso")).toBe(populationDraw("a:sso"));
    expect(populationDraw("a:sso")).not.toBe(populationDraw("b:sso"));
  });

  it("validates the populated profile as a whole", () => {
    const e = entry({});
    expect(() => populateProfile(e, { ...bound(e), failureScale: 99 })).toThrow();
  });
});

describe("vendorOrigin", () => {
  it.each([
    [{ vendor: "freee K.K.", homepage: "https://www.freee.co.jp/" }, "domestic"],
    [{ vendor: "SmartHR, Inc.", homepage: "https://smarthr.jp/" }, "domestic"],
    [{ vendor: "Nulab Inc.", homepage: "https://backlog.com/", name: { en: "Backlog", ja: "バックログ" } }, "domestic"],
    [{ vendor: "Shopify Japan K.K.", homepage: "https://www.shopify.com/jp" }, "global"],
    [{ id: "hubspot-jp", vendor: "HubSpot, Inc.", homepage: "https://www.hubspot.jp/" }, "global"],
    [{ vendor: "GitHub, Inc.", homepage: "https://github.com/" }, "global"],
  ] as const)("%o is %s", (change, origin) => {
    expect(vendorOrigin(entry(change as Partial<CatalogueEntryInput>))).toBe(origin);
  });
});
