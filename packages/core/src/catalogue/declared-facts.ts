// What a vendor (or public documentation) declares about a service, each fact with where it was read.
// "unknown" is the default and scoring treats it as not demonstrated; only observed evidence beats it.
import { z } from "zod";

export const AuthMethod = z.enum(["none", "api_key", "oauth2", "oauth2_1_pkce", "enterprise_sso", "unknown"]);
export type AuthMethod = z.infer<typeof AuthMethod>;

export const DeclaredFact = z.object({
  value: z.union([z.boolean(), z.literal("unknown")]),
  /** A URL or a citation ("seed report 2026-04", "KanseiLink landscape Q2 2026"). Required unless unknown. */
  source: z.string().min(1).optional(),
  note: z.string().optional(),
}).refine((fact) => fact.value === "unknown" || fact.source !== undefined, { message: "a declared fact needs a source" });
export type DeclaredFact = z.infer<typeof DeclaredFact>;

const unknownFact = { value: "unknown" as const };

export const DeclaredFacts = z.object({
  saml: DeclaredFact.default(unknownFact),
  oidc: DeclaredFact.default(unknownFact),
  /** The enterprise-managed authorization profile (urn:ietf:params:oauth:grant-profile:id-jag). */
  idJag: DeclaredFact.default(unknownFact),
  scim: DeclaredFact.default(unknownFact),
  terraformProvider: DeclaredFact.default(unknownFact),
  pulumiProvider: DeclaredFact.default(unknownFact),
  openTelemetry: DeclaredFact.default(unknownFact),
  /** An entry in the MCP Registry (server.json). */
  registryEntry: DeclaredFact.default(unknownFact),
  /** Separate endpoints or tenants for dev / staging / prod. */
  environmentSeparation: DeclaredFact.default(unknownFact),
});
export type DeclaredFacts = z.infer<typeof DeclaredFacts>;
export type DeclaredFactName = keyof DeclaredFacts;

/** Token lifetime as declared or documented, in seconds; absent when unknown. */
export const DeclaredTokenLifetime = z.object({ seconds: z.number().int().positive(), source: z.string().min(1) });
export type DeclaredTokenLifetime = z.infer<typeof DeclaredTokenLifetime>;
