// Declared facts as the catalogue stores them ({ saml: { value, source }, … }), read for display and for
// the leaderboard's SSO and IaC markers. Only `true` counts: "unknown" is not demonstrated (methodology).
import { hasIacFeature, hasSsoFeature } from "@kensa/core";

export interface DeclaredFactView {
  name: string;
  value: boolean | "unknown";
  source: string | null;
}

export function readDeclared(declared: Record<string, unknown>): DeclaredFactView[] {
  return Object.entries(declared).map(([name, raw]) => {
    const fact = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : { value: raw };
    const value = fact.value === true || fact.value === false ? fact.value : "unknown";
    return { name, value, source: typeof fact.source === "string" ? fact.source : null };
  });
}

function declaredTrue(declared: Record<string, unknown>, name: string): boolean {
  const fact = declared[name];
  return typeof fact === "object" && fact !== null && (fact as { value?: unknown }).value === true;
}

/** Core's rule (sandbox/population.ts), read from the stored facts: the same one the adoption figures count. */
export function hasSso(authMethod: string, declared: Record<string, unknown>): boolean {
  return hasSsoFeature(authMethod, { saml: declaredTrue(declared, "saml"), oidc: declaredTrue(declared, "oidc"), idJag: declaredTrue(declared, "idJag") });
}

export function hasIac(declared: Record<string, unknown>): boolean {
  return hasIacFeature({ terraformProvider: declaredTrue(declared, "terraformProvider"), pulumiProvider: declaredTrue(declared, "pulumiProvider") });
}
