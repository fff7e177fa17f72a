import { describe, expect, it } from "vitest";
import type { CredentialSpec } from "@kensa/core";
import { heldCredential } from "./held-credential";

const secrets = (held: Record<string, string>) => ({ get: async (name: string) => held[name] });
const refresh: CredentialSpec = { kind: "oauth-refresh", refreshTokenSecret: "X_REFRESH", clientIdSecret: "X_ID" };

describe("heldCredential (live probes)", () => {
  it.each<[string, CredentialSpec, Record<string, string>, CredentialSpec]>([
    ["a bearer token we hold", { kind: "bearer", tokenSecret: "X_TOKEN" }, { X_TOKEN: "t" }, { kind: "bearer", tokenSecret: "X_TOKEN" }],
    ["a bearer token we do not hold", { kind: "bearer", tokenSecret: "X_TOKEN" }, {}, { kind: "none" }],
    ["a header key we do not hold", { kind: "header", header: "X-Api-Key", valueSecret: "X_KEY" }, { OTHER: "v" }, { kind: "none" }],
    ["client credentials, one half missing", { kind: "oauth-client-credentials", clientIdSecret: "X_ID", clientSecretSecret: "X_SECRET" }, { X_ID: "i" }, { kind: "none" }],
    ["a refresh grant without its optional client secret", refresh, { X_REFRESH: "r", X_ID: "i" }, refresh],
    ["a refresh grant naming a client secret we do not hold", { ...refresh, clientSecretSecret: "X_SECRET" } as CredentialSpec, { X_REFRESH: "r", X_ID: "i" }, { kind: "none" }],
    ["no credential at all", { kind: "none" }, {}, { kind: "none" }],
  ])("%s", async (_name, spec, held, expected) => {
    expect(await heldCredential(spec, secrets(held))).toEqual(expected);
  });
});
