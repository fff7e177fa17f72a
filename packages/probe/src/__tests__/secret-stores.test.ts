import { chmod, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isKensaError } from "@kensa/core";
import { chainSecretSources, envSecretSource, openFileSecretStore, storeSecretSource, workerSecretEnvPrefix, type SecretStoreAdapter } from "../index";

describe("the file secret store: owner-only files, clear errors that never quote a value", () => {
  let dir: string;
  const file = async (name: string, text: string, mode: number) => {
    const path = join(dir, name);
    await writeFile(path, text);
    await chmod(path, mode);
    return path;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kensa-secrets-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads a 0600 JSON file and a 0400 NAME=value file", async () => {
    const json = await openFileSecretStore(await file("a.json", '{"FREEE_TOKEN": "tok-1", "SLACK_KEY": "k=2"}', 0o600));
    expect(await json.read("FREEE_TOKEN")).toBe("tok-1");
    expect(await json.read("SLACK_KEY")).toBe("k=2");
    expect(await json.read("MISSING")).toBeUndefined();
    const env = await openFileSecretStore(await file("b.env", '# comment\nexport A_TOKEN="quoted value"\nB_KEY=plain=with=equals\n\n', 0o400));
    expect(await env.read("A_TOKEN")).toBe("quoted value");
    expect(await env.read("B_KEY")).toBe("plain=with=equals");
  });

  it.each([0o640, 0o604, 0o660, 0o644, 0o666])("refuses a file with mode %o (group or others may read or write it)", async (mode) => {
    const path = await file(`open-${mode.toString(8)}.json`, '{"X_TOKEN": "super-secret-value"}', mode);
    const error = await openFileSecretStore(path).catch((e: unknown) => e);
    expect(isKensaError(error, "bad_config")).toBe(true);
    expect(String(error)).toContain("chmod 600");
    expect(String(error)).not.toContain("super-secret-value");
  });

  it("refuses symlinks, bad names, non-string values and broken JSON without quoting values", async () => {
    const target = await file("real.json", '{"A": "x"}', 0o600);
    await symlink(target, join(dir, "link.json"));
    const cases = [
      join(dir, "link.json"),
      await file("badname.json", '{"lower_case": "secret-value-1"}', 0o600),
      await file("number.json", '{"A_TOKEN": 12345}', 0o600),
      await file("broken.json", '{"A_TOKEN": "secret-value-2"', 0o600),
      await file("noeq.env", "A_TOKEN secret-value-3\n", 0o600),
      join(dir, "absent.json"),
    ];
    for (const path of cases) {
      const error = await openFileSecretStore(path).catch((e: unknown) => e);
      expect(isKensaError(error, "bad_config"), path).toBe(true);
      expect(String(error)).toContain(path);
      expect(String(error)).not.toMatch(/secret-value/);
    }
  });
});

describe("store-backed and chained sources", () => {
  it("caches a remote store's answers for the TTL on the given clock, and validates names", async () => {
    let reads = 0;
    let now = 0;
    const adapter: SecretStoreAdapter = { kind: "test", read: async (name) => (reads++, name === "A_TOKEN" ? `v${reads}` : undefined) };
    const source = storeSecretSource(adapter, { ttlMs: 1_000, clock: { now: () => now } });
    expect(await source.get("A_TOKEN")).toBe("v1");
    now = 999;
    expect(await source.get("A_TOKEN")).toBe("v1");
    now = 1_000;
    expect(await source.get("A_TOKEN")).toBe("v2");
    await expect(Promise.resolve().then(() => source.get("not a name"))).rejects.toThrow(/not an A-Z/);
  });

  it("asks each source in order and returns the first value found", async () => {
    const chain = chainSecretSources({ get: (n) => (n === "A" ? "from-file" : undefined) }, { get: async (n) => (n === "B" || n === "A" ? "from-env" : undefined) });
    expect(await chain.get("A")).toBe("from-file");
    expect(await chain.get("B")).toBe("from-env");
    expect(await chain.get("C")).toBeUndefined();
  });
});

describe("the environment source", () => {
  const env = { DATABASE_URL: "postgresql://secret@db/kensa", KENSA_SECRET_FREEE_ACCESS_TOKEN: "tok", KENSA_TOKEN: "scan-token" };
  it("with a prefix reads only its namespace: FREEE_ACCESS_TOKEN → KENSA_SECRET_FREEE_ACCESS_TOKEN, never DATABASE_URL", async () => {
    const source = envSecretSource(env, { prefix: workerSecretEnvPrefix });
    expect(await source.get("FREEE_ACCESS_TOKEN")).toBe("tok");
    expect(await source.get("DATABASE_URL")).toBeUndefined();
  });
  it("without one reads exactly the variable named (kensa scan --bearer-env)", async () => {
    expect(await envSecretSource(env).get("KENSA_TOKEN")).toBe("scan-token");
  });
});
