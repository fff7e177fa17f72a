// Where a probe's credential comes from: always the *name* of a secret (an environment variable or a
// secret-store key), never the secret itself. The probe engine resolves names through a SecretSource.
import { z } from "zod";

/** Any environment-variable style name: what `kensa scan --bearer-env` and secret files accept. */
export const EnvVarName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "expected an environment-variable style name (A-Z, 0-9, _)");

const reservedNames = new Set(["DATABASE_URL", "DATABASE_POOL_SIZE", "REDIS_URL", "WORKER_CONCURRENCY", "PORT", "NODE_ENV", "NODE_OPTIONS", "PGPASSWORD"]);
const reservedPrefixes = ["KENSA_", "OTEL_"];

/** Kensa's own configuration: a catalogue naming one of these would send Kensa's secrets to the target. */
export function isReservedSecretName(name: string): boolean {
  return reservedNames.has(name) || reservedPrefixes.some((prefix) => name.startsWith(prefix));
}

/** A secret a catalogue entry may name: an environment-variable style name that is not Kensa's own configuration. */
export const SecretName = EnvVarName.refine((name) => !isReservedSecretName(name), {
  message: `expected a probe secret's name, not Kensa's own configuration (${[...reservedNames].join(", ")}, ${reservedPrefixes.map((p) => `${p}*`).join(", ")})`,
});

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

/** Every secret a spec names (the probe needs each one it names, optional ones included when given). */
export function secretNamesOf(spec: CredentialSpec): string[] {
  switch (spec.kind) {
    case "none":
      return [];
    case "bearer":
      return [spec.tokenSecret];
    case "header":
      return [spec.valueSecret];
    case "oauth-client-credentials":
      return [spec.clientIdSecret, spec.clientSecretSecret];
    case "oauth-refresh":
      return [spec.refreshTokenSecret, spec.clientIdSecret, ...(spec.clientSecretSecret ? [spec.clientSecretSecret] : [])];
  }
}

/** Resolves secret names. Implementations: environment, a local file, later Vault / Secrets Manager. */
export interface SecretSource {
  /** The secret's value, or undefined when the source does not hold it. Never logged by callers. */
  get(name: string): string | undefined | Promise<string | undefined>;
}
