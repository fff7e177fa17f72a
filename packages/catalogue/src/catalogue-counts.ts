// What the catalogue knows from sources, counted: servers (vendor endpoints and packages, third parties'),
// declared facts by kind and value. probes/README.md shows these tables (scripts/catalogue-counts.ts).
import { DeclaredFacts, isVendorRemote, type CatalogueEntry, type DeclaredFactName, type PackageRegistry } from "@kensa/core";

const isUrl = (source: string | undefined): boolean => source !== undefined && /^https?:\/\//.test(source);

export interface CatalogueCounts {
  services: number;
  /** Services whose servers were looked for (`servers` present, possibly empty). */
  researched: number;
  /** Services with a vendor-owned remote server at a public URL. */
  withVendorRemote: number;
  /** Services whose vendor documents a hosted server without one public URL (per tenant, or not read), and none with one. */
  withVendorRemoteNoUrl: number;
  /** Endpoints the prober targets (endpoint.url set). */
  endpoints: number;
  withVendorPackage: number;
  vendorPackagesByRegistry: Record<PackageRegistry, number>;
  /** Vendor npm packages pinned by version and integrity, ready for the package probe. */
  pinnedNpmPackages: number;
  thirdPartyServers: number;
  withThirdPartyServer: number;
  facts: Record<DeclaredFactName, { true: number; false: number; fromUrl: number }>;
  withAnyFact: number;
  withUrlSourcedFact: number;
  authMethodFromUrl: number;
}

export function catalogueCounts(entries: readonly CatalogueEntry[]): CatalogueCounts {
  const names = Object.keys(DeclaredFacts.shape) as DeclaredFactName[];
  const counts: CatalogueCounts = {
    services: entries.length,
    researched: 0,
    withVendorRemote: 0,
    withVendorRemoteNoUrl: 0,
    endpoints: 0,
    withVendorPackage: 0,
    vendorPackagesByRegistry: { npm: 0, pypi: 0, docker: 0, github: 0 },
    pinnedNpmPackages: 0,
    thirdPartyServers: 0,
    withThirdPartyServer: 0,
    facts: Object.fromEntries(names.map((n) => [n, { true: 0, false: 0, fromUrl: 0 }])) as CatalogueCounts["facts"],
    withAnyFact: 0,
    withUrlSourcedFact: 0,
    authMethodFromUrl: 0,
  };
  for (const entry of entries) {
    const servers = entry.servers ?? [];
    if (entry.servers !== undefined) counts.researched++;
    if (entry.endpoint.url !== null) counts.endpoints++;
    if (servers.some(isVendorRemote)) counts.withVendorRemote++;
    else if (servers.some((s) => s.kind === "remote" && s.owner === "vendor")) counts.withVendorRemoteNoUrl++;
    const vendorPackages = servers.filter((s) => s.kind === "package" && s.owner === "vendor");
    if (vendorPackages.length > 0) counts.withVendorPackage++;
    for (const p of vendorPackages) {
      if (p.kind !== "package") continue;
      counts.vendorPackagesByRegistry[p.registry]++;
      if (p.registry === "npm" && p.version !== undefined && p.integrity !== undefined) counts.pinnedNpmPackages++;
    }
    const thirdParty = servers.filter((s) => s.owner === "third_party").length;
    counts.thirdPartyServers += thirdParty;
    if (thirdParty > 0) counts.withThirdPartyServer++;
    let any = false;
    let fromUrl = false;
    for (const name of names) {
      const fact = entry.facts[name];
      if (fact.value === "unknown") continue;
      any = true;
      counts.facts[name][fact.value ? "true" : "false"]++;
      if (isUrl(fact.source)) {
        counts.facts[name].fromUrl++;
        fromUrl = true;
      }
    }
    if (any) counts.withAnyFact++;
    if (fromUrl) counts.withUrlSourcedFact++;
    if (entry.authMethod !== "unknown" && isUrl(entry.authMethodSource)) counts.authMethodFromUrl++;
  }
  return counts;
}

const factLabels: Record<DeclaredFactName, string> = {
  saml: "SAML SSO",
  oidc: "OIDC SSO",
  idJag: "ID-JAG (enterprise-managed authorization)",
  scim: "SCIM provisioning",
  terraformProvider: "Terraform provider",
  pulumiProvider: "Pulumi provider",
  openTelemetry: "OpenTelemetry",
  registryEntry: "MCP Registry entry",
  environmentSeparation: "Separate dev / staging / prod environments",
};

/** Two Markdown tables: servers, then declared facts by kind. */
export function countsMarkdown(c: CatalogueCounts): string {
  const registries = (Object.entries(c.vendorPackagesByRegistry) as [PackageRegistry, number][]).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`).join(", ") || "none";
  const servers = [
    "| servers | count |",
    "|---|---:|",
    `| services whose MCP servers were looked for (\`servers\` listed, possibly none found) | ${c.researched} of ${c.services} |`,
    `| services with a vendor-owned remote MCP server at a public URL | ${c.withVendorRemote} |`,
    `| services whose vendor documents a hosted server without one public URL (per tenant, or URL not read) | ${c.withVendorRemoteNoUrl} |`,
    `| endpoints the prober targets (\`endpoint.url\` set) | ${c.endpoints} |`,
    `| services with a vendor-owned package (${registries}) | ${c.withVendorPackage} |`,
    `| vendor npm packages pinned by version and integrity | ${c.pinnedNpmPackages} |`,
    `| third-party servers recorded (as such), at services | ${c.thirdPartyServers}, at ${c.withThirdPartyServer} |`,
  ];
  const facts = [
    "| declared fact | true | false | of which from a URL source |",
    "|---|---:|---:|---:|",
    ...(Object.keys(factLabels) as DeclaredFactName[]).map((n) => `| ${factLabels[n]} (\`${n}\`) | ${c.facts[n].true} | ${c.facts[n].false} | ${c.facts[n].fromUrl} |`),
    `| services with any declared fact (from a URL source) | ${c.withAnyFact} (${c.withUrlSourcedFact}) | | |`,
    `| auth method read from a URL source | ${c.authMethodFromUrl} | | |`,
  ];
  return [...servers, "", ...facts].join("\n");
}

export const countsBegin = "<!-- catalogue-counts:begin (generated: node --import tsx packages/catalogue/scripts/catalogue-counts.ts --write) -->";
export const countsEnd = "<!-- catalogue-counts:end -->";

/** The README with its generated block replaced; null when the markers are missing. */
export function withCounts(readme: string, table: string): string | null {
  const begin = readme.indexOf(countsBegin);
  const end = readme.indexOf(countsEnd);
  if (begin < 0 || end < begin) return null;
  return `${readme.slice(0, begin + countsBegin.length)}\n${table}\n${readme.slice(end)}`;
}
