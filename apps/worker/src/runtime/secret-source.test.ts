import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probeCredentialEnv } from "../config";
import { workerSecretSource } from "./secret-source";

// What a worker in live mode holds besides probe credentials: its own configuration and cloud keys.
const processEnv = {
  DATABASE_URL: "postgresql://kensa:db-password@db/kensa",
  REDIS_URL: "redis://:redis-password@cache:6379",
  KENSA_SESSION_SECRET: "session-signing-key",
  AWS_SECRET_ACCESS_KEY: "cloud-key",
  FREEE_ACCESS_TOKEN: "unprefixed-value",
  KENSA_SECRET_FREEE_ACCESS_TOKEN: "freee-token",
  KENSA_SECRET_EMPTY: "",
};
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("the worker's secret source reads catalogue names only in the KENSA_SECRET_ namespace", () => {
  it("a catalogue name maps to KENSA_SECRET_<name>; the variable of the bare name is never read", async () => {
    const secrets = await workerSecretSource({}, processEnv);
    expect(await secrets.get("FREEE_ACCESS_TOKEN")).toBe("freee-token");
    expect(await secrets.get("EMPTY")).toBeUndefined();
  });

  it("the worker's config hands the secret source only the KENSA_SECRET_ namespace of its environment", async () => {
    expect(probeCredentialEnv(processEnv)).toEqual({ KENSA_SECRET_FREEE_ACCESS_TOKEN: "freee-token", KENSA_SECRET_EMPTY: "" });
    const secrets = await workerSecretSource({}, probeCredentialEnv(processEnv));
    expect(await secrets.get("FREEE_ACCESS_TOKEN")).toBe("freee-token");
    expect(await secrets.get("DATABASE_URL")).toBeUndefined();
  });

  it.each(["DATABASE_URL", "REDIS_URL", "KENSA_SESSION_SECRET", "AWS_SECRET_ACCESS_KEY"])("a catalogue naming %s gets nothing", async (name) => {
    const secrets = await workerSecretSource({}, processEnv);
    expect(await secrets.get(name)).toBeUndefined();
  });

  it("the secrets file is read first, under the catalogue's own names; the environment only in its namespace", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kensa-worker-secrets-"));
    dirs.push(dir);
    const file = join(dir, "secrets.json");
    await writeFile(file, JSON.stringify({ SLACK_REFRESH_TOKEN: "from-file" }));
    await chmod(file, 0o600);
    const secrets = await workerSecretSource({ KENSA_SECRETS_FILE: file }, processEnv);
    expect(await secrets.get("SLACK_REFRESH_TOKEN")).toBe("from-file");
    expect(await secrets.get("FREEE_ACCESS_TOKEN")).toBe("freee-token");
    expect(await secrets.get("DATABASE_URL")).toBeUndefined();
  });
});
