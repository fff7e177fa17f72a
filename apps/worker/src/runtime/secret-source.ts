// Where live probes' credentials come from: the secrets file named by KENSA_SECRETS_FILE (checked at start:
// owner-only, valid names), then the environment — only its KENSA_SECRET_ namespace (config.ts
// probeCredentialEnv), so a catalogue name can never reach the worker's own configuration. A Vault or Secrets Manager adapter slots in the same way
// (a SecretStoreAdapter from @kensa/probe wrapped by storeSecretSource).
import type { SecretSource } from "@kensa/core";
import { chainSecretSources, envSecretSource, openFileSecretStore, storeSecretSource, workerSecretEnvPrefix } from "@kensa/probe";
import type { WorkerEnv } from "../config";

export async function workerSecretSource(env: Pick<WorkerEnv, "KENSA_SECRETS_FILE">, credentialEnv: Record<string, string | undefined>): Promise<SecretSource> {
  const fromEnv = envSecretSource(credentialEnv, { prefix: workerSecretEnvPrefix });
  if (!env.KENSA_SECRETS_FILE) return fromEnv;
  const file = await openFileSecretStore(env.KENSA_SECRETS_FILE);
  return chainSecretSources(storeSecretSource(file, { ttlMs: 0 }), fromEnv);
}
