// Secrets come from the environment (or another SecretSource) by name, at the moment they are needed.
import type { SecretSource } from "@kensa/core";

export function envSecretSource(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return {
    get(name: string): string | undefined {
      const value = env[name];
      return value === undefined || value === "" ? undefined : value;
    },
  };
}
