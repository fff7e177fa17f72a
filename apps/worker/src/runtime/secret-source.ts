// Where live probes' credentials come from: the secrets file named by KENSA_SECRETS_FILE (checked at start:
// owner-only, valid names), then the environment. A Vault or Secrets Manager adapter slots in the same way
// (a SecretStoreAdapter from @kensa/probe wrapped by storeSecretSource).
import type { SecretSource } from "@kensa/core";
import { chainSecretSources, envSecretSource, openFileSecretStore, storeSecretSource } from "@kensa/probe";
import type { WorkerEnv } from "../config";

export async function workerSecretSource(env: Pick<WorkerEnv, "KENSA_SECRETS_FILE">, processEnv: NodeJS.ProcessEnv = process.env): Promise<SecretSource> {
  if (!env.KENSA_SECRETS_FILE) return envSecretSource(processEnv);
  const file = await openFileSecretStore(env.KENSA_SECRETS_FILE);
  return chainSecretSources(storeSecretSource(file, { ttlMs: 0 }), envSecretSource(processEnv));
}
