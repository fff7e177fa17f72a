// Where a probe's credential comes from: always the *name* of a secret (an environment variable or a
// secret-store key), never the secret itself. The probe engine resolves names through a SecretSource.
import { z } from "zod";

export const SecretName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "expected an environment-variable style name (A-Z, 0-9, _)");

export const CredentialSpec = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  /** Authorization: Bearer <secret>. */
  z.object({ kind: z.literal("bearer"), tokenSecret: SecretName }),
  /** An API key in a named header, e.g. X-API-Key. */
  z.object({ kind: z.literal("header"), header: z.string().regex(/^[A-Za-z0-9-]+$/), valueSecret: SecretName }),
  /** OAuth client credentials grant; token endpoint discovered from the server's metadata unless given. */
  z.object({
    kind: z.literal("oauth-client-credentials"),
    clientIdSecret: SecretName,
    clientSecretSecret: SecretName,
    tokenUrl: z.url().optional(),
    scope: z.string().optional(),
  }),
  /** OAuth refresh token grant: the probe refreshes before expiry when it can, and records when it could not. */
  z.object({
    kind: z.literal("oauth-refresh"),
    refreshTokenSecret: SecretName,
    clientIdSecret: SecretName,
    clientSecretSecret: SecretName.optional(),
    tokenUrl: z.url().optional(),
    scope: z.string().optional(),
  }),
]);
export type CredentialSpec = z.infer<typeof CredentialSpec>;

/** Resolves secret names. Implementations: environment, a local file, later Vault / Secrets Manager. */
export interface SecretSource {
  /** The secret's value, or undefined when the source does not hold it. Never logged by callers. */
  get(name: string): string | undefined | Promise<string | undefined>;
}
