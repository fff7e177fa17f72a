// Secrets come from the environment (or another SecretSource) by name, at the moment they are needed.
// A worker reads catalogue names only inside its own namespace (FREEE_ACCESS_TOKEN → KENSA_SECRET_FREEE_ACCESS_TOKEN):
// a catalogue entry can then never make it send DATABASE_URL, cloud keys or anything else it happens to hold.
import type { SecretSource } from "@kensa/core";

/** The namespace of probe credentials in a worker's environment. */
export const workerSecretEnvPrefix = "KENSA_SECRET_";

export interface EnvSecretSourceOptions {
  /** Read `${prefix}${name}` instead of `name`; without it the variable named is read as is (kensa scan --bearer-env). */
  prefix?: string;
}

export function envSecretSource(env: Readonly<Record<string, string | undefined>>, options: EnvSecretSourceOptions = {}): SecretSource {
  const prefix = options.prefix ?? "";
  return {
    get(name: string): string | undefined {
      const value = env[`${prefix}${name}`];
      return value === undefined || value === "" ? undefined : value;
    },
  };
}
