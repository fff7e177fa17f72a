import { describe, expect, it } from "vitest";
import { CatalogueEntry, type CatalogueEntryInput } from "./catalogue-entry";

const base: CatalogueEntryInput = {
  id: "example",
  name: { en: "Example", ja: "例" },
  vendor: "Example K.K.",
  category: "accounting",
  endpoint: { url: null, transport: "streamable-http" },
  authMethod: "oauth2",
  authMethodSource: "vendor documentation",
  credential: { kind: "oauth-refresh", refreshTokenSecret: "EX_REFRESH", clientIdSecret: "EX_ID" },
  calls: [{ tool: "list_deals", arguments: { limit: 5 }, readOnly: true }],
  intervalSec: 900,
  sandbox: { profile: "oauth-standard" },
};

function problems(change: Partial<Record<keyof CatalogueEntryInput, unknown>>): string[] {
  const parsed = CatalogueEntry.safeParse({ ...base, ...change });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("CatalogueEntry", () => {
  it("accepts a complete entry and fills defaults (unknown facts, no homepage)", () => {
    const entry = CatalogueEntry.parse(base);
    expect(entry.facts.saml).toEqual({ value: "unknown" });
    expect(entry.homepage).toBeNull();
    expect(entry.sandbox.overrides).toEqual({});
  });

  it.each([
    ["an upper-case id", { id: "Example" }, "id"],
    ["an auth method without its source", { authMethodSource: undefined }, "authMethodSource"],
    ["a header credential for an OAuth service", { credential: { kind: "header", header: "X-API-Key", valueSecret: "EX_KEY" } }, "credential.kind"],
    ["a token lifetime on an API-key service", { authMethod: "api_key", credential: { kind: "bearer", tokenSecret: "EX" }, sandbox: { profile: "api-key-basic" }, tokenLifetime: { seconds: 60, source: "x" } }, "tokenLifetime"],
    ["a profile whose auth mode does not fit", { sandbox: { profile: "open-read-only" } }, "sandbox.profile"],
    ["an unknown profile", { sandbox: { profile: "nope" } }, "sandbox.profile"],
    ["a write call", { calls: [{ tool: "create_deal", readOnly: false }] }, "calls.0.readOnly"],
    ["a non-http endpoint", { endpoint: { url: "ftp://x.example", transport: "sse" } }, "endpoint.url"],
    ["an unknown fact", { facts: { terraform: { value: true, source: "x" } } }, "facts"],
    ["a fact with no source", { facts: { saml: { value: true } } }, "facts.saml"],
    ["an interval under a minute", { intervalSec: 10 }, "intervalSec"],
  ])("refuses %s", (_, change, path) => {
    const found = problems(change as Partial<Record<keyof CatalogueEntryInput, unknown>>);
    expect(found.some((p) => p.startsWith(`${path}:`)), found.join("\n")).toBe(true);
  });

  it.each([
    ["DATABASE_URL", "refreshTokenSecret"],
    ["REDIS_URL", "clientIdSecret"],
    ["KENSA_SESSION_SECRET", "refreshTokenSecret"],
    ["KENSA_SECRET_FREEE_ACCESS_TOKEN", "clientIdSecret"],
    ["OTEL_EXPORTER_OTLP_HEADERS", "clientSecretSecret"],
  ])("refuses a secret named after Kensa's own configuration (%s as %s)", (name, field) => {
    const found = problems({ credential: { kind: "oauth-refresh", refreshTokenSecret: "EX_REFRESH", clientIdSecret: "EX_ID", [field]: name } });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^credential\\.${field}: expected a probe secret's name, not Kensa's own configuration`))]);
  });

  it("accepts vendor secret names that merely resemble configuration", () => {
    for (const name of ["REDIS_API_KEY", "FREEE_ACCESS_TOKEN", "DATABASE_URL_TOKEN", "OTELCO_KEY"]) {
      expect(problems({ credential: { kind: "oauth-refresh", refreshTokenSecret: name, clientIdSecret: "EX_ID" } })).toEqual([]);
    }
  });

  it("lets an unknown auth method take any credential that fits its profile", () => {
    expect(problems({ authMethod: "unknown", authMethodSource: undefined, credential: { kind: "none" }, sandbox: { profile: "open-with-writes" } })).toEqual([]);
  });
});
