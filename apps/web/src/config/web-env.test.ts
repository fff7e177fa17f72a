import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { isKensaError } from "@kensa/core";
import { parseWebEnv } from "./web-env";

function errorOf(env: Record<string, string>): string {
  try {
    parseWebEnv(env);
  } catch (error) {
    expect(isKensaError(error, "bad_config")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected parseWebEnv to reject");
}

describe("the web process's environment", () => {
  it("defaults the data folder to the repository's .kensa, wherever next start runs", () => {
    const { KENSA_DATA_DIR } = parseWebEnv({});
    expect(isAbsolute(KENSA_DATA_DIR)).toBe(true);
    expect(KENSA_DATA_DIR.endsWith("/.kensa")).toBe(true);
    expect(existsSync(join(KENSA_DATA_DIR, "..", "prisma", "schema.prisma"))).toBe(true);
    expect(parseWebEnv({ KENSA_DATA_DIR: "/var/lib/kensa" }).KENSA_DATA_DIR).toBe("/var/lib/kensa");
  });

  it("has no queue unless REDIS_URL is set, and the workers' key prefix by default", () => {
    const env = parseWebEnv({});
    expect([env.REDIS_URL, env.KENSA_QUEUE_PREFIX, env.KENSA_SESSION_SECRET]).toEqual([undefined, "kensa", undefined]);
  });

  it("refuses a short session key, naming the variable and never echoing the value", () => {
    const message = errorOf({ KENSA_SESSION_SECRET: "too-short-to-sign" });
    expect(message).toMatch(/KENSA_SESSION_SECRET: expected at least 32 characters/);
    expect(message).not.toContain("too-short-to-sign");
  });

  it.each([
    ["DATABASE_URL", "mysql://db/kensa"],
    ["REDIS_URL", "localhost:6379"],
    ["KENSA_QUEUE_PREFIX", "no spaces"],
  ])("names %s when its value is bad", (variable, value) => {
    expect(errorOf({ [variable]: value })).toMatch(new RegExp(`^  ${variable}: `, "m"));
  });
});
