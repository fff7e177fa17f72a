import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isKensaError } from "../errors/kensa-error";
import { parseEnv } from "./parse-env";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "expected a redis:// URL").optional(),
  API_TOKEN_SECRET: z.string().min(32, "expected at least 32 characters"),
});

function errorOf(env: Record<string, string>): string {
  try {
    parseEnv(schema, env);
  } catch (error) {
    expect(isKensaError(error, "bad_config")).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to reject");
}

describe("parseEnv", () => {
  it("returns typed values with defaults applied", () => {
    expect(parseEnv(schema, { API_TOKEN_SECRET: "x".repeat(32) })).toEqual({ PORT: 3000, API_TOKEN_SECRET: "x".repeat(32) });
    expect(parseEnv(schema, { PORT: "8080", API_TOKEN_SECRET: "x".repeat(32) }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: "eighty", API_TOKEN_SECRET: "x".repeat(32) }, /^  PORT: .*got "eighty"/m],
    [{ PORT: "70000", API_TOKEN_SECRET: "x".repeat(32) }, /^  PORT: .*got "70000"/m],
    [{ REDIS_URL: "http://localhost", API_TOKEN_SECRET: "x".repeat(32) }, /^  REDIS_URL: expected a redis:\/\/ URL \(got "http:\/\/localhost"\)/m],
    [{}, /^  API_TOKEN_SECRET: .*\(it is not set\)/m],
  ])("names the variable and the expectation for %j", (env, message) => {
    expect(errorOf(env)).toMatch(message);
  });

  it("never echoes a secret-looking value", () => {
    const message = errorOf({ API_TOKEN_SECRET: "short-but-secret" });
    expect(message).toMatch(/API_TOKEN_SECRET: expected at least 32 characters \(got a value \(hidden\)\)/);
    expect(message).not.toContain("short-but-secret");
  });

  it("masks a password inside a connection URL", () => {
    const message = errorOf({ REDIS_URL: "http://user:hunter2@host:6379", API_TOKEN_SECRET: "x".repeat(32) });
    expect(message).toContain('"http://user:***@host:6379"');
    expect(message).not.toContain("hunter2");
  });

  it("reports every bad variable, one line each", () => {
    expect(errorOf({ PORT: "0" }).split("\n")).toHaveLength(3);
  });
});
