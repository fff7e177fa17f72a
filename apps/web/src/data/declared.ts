// Declared facts as the catalogue stores them ({ saml: { value, source }, … }), read for display and for
// the leaderboard's SSO and IaC markers. Only `true` counts: "unknown" is not demonstrated (methodology).

export interface DeclaredFactView {
  name: string;
  value: boolean | "unknown";
  source: string | null;
}

export const ssoFacts = ["saml", "oidc", "idJag"] as const;
export const iacFacts = ["terraformProvider", "pulumiProvider"] as const;

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

export function hasSso(authMethod: string, declared: Record<string, unknown>): boolean {
  return authMethod === "enterprise_sso" || ssoFacts.some((f) => declaredTrue(declared, f));
}

export function hasIac(declared: Record<string, unknown>): boolean {
  return iacFacts.some((f) => declaredTrue(declared, f));
}
