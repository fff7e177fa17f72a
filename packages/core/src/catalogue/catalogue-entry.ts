// One tracked service, as its file in probes/ declares it. Identity, how to reach and authenticate it, the
// safe calls to make, what is declared about it (each fact with its source), and the sandbox profile that
// simulates it. Cross-field rules: auth method, credential and sandbox profile must agree.
import { z } from "zod";
import { HttpUrl } from "./http-url";
import { BehaviourProfileOverrides, type BehaviourProfile } from "../sandbox/behaviour-profile";
import { SandboxProfileName } from "../sandbox/profile-library";
import { populateProfile, type PopulationEntry } from "../sandbox/population";
import { authClassesAgree, authClassOfCredential, authClassOfMethod, authClassOfMode, resolveProfile } from "../sandbox/resolve-profile";
import { CredentialSpec } from "./credential-spec";
import { AuthMethod, DeclaredFacts, DeclaredTokenLifetime } from "./declared-facts";
import { ProbeCall } from "./probe-call";
import { isVendorRemote, PublishedServer } from "./published-server";
import { ServiceCategory } from "./service-category";

export const ServiceId = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id: a-z, 0-9 and single hyphens");
export type ServiceId = z.infer<typeof ServiceId>;

export const McpStatus = z.enum(["official", "third_party", "api_only"]);
export type McpStatus = z.infer<typeof McpStatus>;

export const Transport = z.enum(["streamable-http", "sse", "stdio"]);
export type Transport = z.infer<typeof Transport>;


/** Where the service's MCP server lives; url null when no public endpoint is known (the sandbox still simulates it). */
export const Endpoint = z.strictObject({ url: HttpUrl.nullable(), transport: Transport, source: z.string().min(1).optional() });
export type Endpoint = z.infer<typeof Endpoint>;

/** KanseiLink's record of the service, kept as published (MIT; see docs/ATTRIBUTION.md). */
export const KanseiLinkRecord = z.strictObject({
  mcpStatus: McpStatus,
  trustScore: z.number().min(0).max(1).optional(),
  design: z
    .strictObject({ docs: z.number().min(0).max(5), auth: z.number().min(0).max(5), stability: z.number().min(0).max(5), overall: z.number().min(0).max(5) })
    .optional(),
  source: z.string().min(1),
});
export type KanseiLinkRecord = z.infer<typeof KanseiLinkRecord>;

export const SandboxBindingSchema = z.strictObject({
  profile: SandboxProfileName,
  overrides: BehaviourProfileOverrides.default({}),
});

export const CatalogueEntry = z
  .strictObject({
    id: ServiceId,
    name: z.strictObject({ en: z.string().min(1), ja: z.string().min(1).optional() }),
    vendor: z.string().min(1),
    category: ServiceCategory,
    homepage: HttpUrl.nullable().default(null),
    kanseilink: KanseiLinkRecord.optional(),
    endpoint: Endpoint,
    /** What was searched for the service's MCP servers and facts (vendor docs, registries, GitHub orgs). */
    checked: z.string().min(1).optional(),
    /** The MCP servers published for the service, each with its source; absent until someone looked. */
    servers: z.array(PublishedServer).max(20).optional(),
    authMethod: AuthMethod,
    /** Where the auth method was read; required unless it is unknown. */
    authMethodSource: z.string().min(1).optional(),
    credential: CredentialSpec,
    tokenLifetime: DeclaredTokenLifetime.optional(),
    calls: z.array(ProbeCall).max(20).default([]),
    facts: DeclaredFacts.strict().default(DeclaredFacts.parse({})),
    intervalSec: z.int().min(60).max(86_400),
    registryServerJson: HttpUrl.nullable().default(null),
    sandbox: SandboxBindingSchema,
  })
  .superRefine((entry, ctx) => {
    if (entry.authMethod !== "unknown" && entry.authMethodSource === undefined) {
      ctx.addIssue({ code: "custom", path: ["authMethodSource"], message: `expected a source for authMethod "${entry.authMethod}" (or authMethod: unknown)` });
    }
    const method = authClassOfMethod(entry.authMethod);
    const credential = authClassOfCredential(entry.credential);
    if (!authClassesAgree(method, credential)) {
      ctx.addIssue({ code: "custom", path: ["credential", "kind"], message: `expected a credential for authMethod "${entry.authMethod}", got kind "${entry.credential.kind}"` });
    }
    if (entry.tokenLifetime && method !== "oauth" && method !== "any") {
      ctx.addIssue({ code: "custom", path: ["tokenLifetime"], message: "expected no token lifetime: only OAuth tokens have one" });
    }
    const resolved = resolveProfile(entry.sandbox);
    if (!resolved.ok) {
      for (const issue of resolved.issues) {
        ctx.addIssue({ code: "custom", path: ["sandbox", "overrides", ...issue.path.map(String)], message: issue.message });
      }
      return;
    }
    const mode = resolved.profile.auth.mode;
    if (!authClassesAgree(authClassOfMode(mode), credential) || !authClassesAgree(authClassOfMode(mode), method)) {
      ctx.addIssue({
        code: "custom",
        path: ["sandbox", "profile"],
        message: `expected a profile whose auth mode fits authMethod "${entry.authMethod}" and credential "${entry.credential.kind}", got "${entry.sandbox.profile}" (auth mode ${mode})`,
      });
    }
  });
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/**
 * An entry as its file in probes/ must read: once servers are listed, the endpoint (when set) is one of the
 * vendor's own remote servers, so the prober never grades a third party's server — or an unsourced URL —
 * as the vendor's. Overlays are validated with CatalogueEntry alone: an environment may point at its own
 * (staging) endpoint.
 */
export const CatalogueFileEntry = CatalogueEntry.superRefine((entry, ctx) => {
  const url = entry.endpoint.url;
  if (url === null || entry.servers === undefined) return;
  if (!entry.servers.some((server) => isVendorRemote(server) && server.url === url)) {
    const thirdParty = entry.servers.some((server) => server.kind === "remote" && server.url === url);
    ctx.addIssue({
      code: "custom",
      path: ["endpoint", "url"],
      message: thirdParty
        ? `expected the vendor's own server, got "${url}", listed in servers as a third party's`
        : `expected one of the vendor-owned remote servers listed in servers, got "${url}"`,
    });
  }
});
/** What a file holds before defaults are applied. */
export type CatalogueEntryInput = z.input<typeof CatalogueEntry>;

/** The effective behaviour profile of a validated entry: its binding resolved, then its sourced declarations
 * applied and its undeclared features drawn (sandbox/population.ts), so the simulation never contradicts a source. */
export function sandboxProfileOf(entry: PopulationEntry): BehaviourProfile {
  const resolved = resolveProfile(entry.sandbox);
  if (!resolved.ok) throw new Error(`catalogue entry ${entry.id}: invalid sandbox profile (${resolved.issues[0]?.message})`);
  return populateProfile(entry, resolved.profile);
}
