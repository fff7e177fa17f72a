// Secret stores beyond the environment. A remote store (Vault, AWS Secrets Manager, GCP Secret Manager …)
// implements SecretStoreAdapter — one read by name, nothing else — and `storeSecretSource` turns it into the
// SecretSource the probe uses, with a bounded cache so a sweep does not ask the store once per probe.
import { EnvVarName, KensaError, type Clock, type SecretSource } from "@kensa/core";

export interface SecretStoreAdapter {
  /** For messages: "vault", "aws-secrets-manager", "file" … never a secret. */
  readonly kind: string;
  /**
   * The secret's current value, or undefined when the store does not hold it. An unreachable or refusing
   * store throws (a KensaError "unavailable" is best): that is Kensa's failure, retried, never the target's.
   * Implementations must never put a value in an error message or a log line.
   */
  read(name: string): Promise<string | undefined>;
  close?(): Promise<void>;
}

export interface StoreSourceOptions {
  /** How long a value read from the store is reused (default 5 minutes; 0 = ask every time). */
  ttlMs?: number;
  clock?: Clock;
}

/** A SecretSource over a store adapter: names are validated, values cached for `ttlMs`. */
export function storeSecretSource(adapter: SecretStoreAdapter, options: StoreSourceOptions = {}): SecretSource {
  const ttlMs = options.ttlMs ?? 300_000;
  const clock = options.clock ?? { now: () => Date.now() };
  const cache = new Map<string, { value: string | undefined; at: number }>();
  return {
    async get(name) {
      if (!EnvVarName.safeParse(name).success) throw new KensaError("bad_config", `secret name ${JSON.stringify(name.slice(0, 64))} is not an A-Z/0-9/_ name`);
      const hit = cache.get(name);
      if (hit && clock.now() - hit.at < ttlMs) return hit.value;
      const value = await adapter.read(name);
      cache.set(name, { value, at: clock.now() });
      return value;
    },
  };
}

/** The first source that holds a name wins (e.g. the secrets file, then the environment). */
export function chainSecretSources(...sources: SecretSource[]): SecretSource {
  return {
    async get(name) {
      for (const source of sources) {
        const value = await source.get(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}
