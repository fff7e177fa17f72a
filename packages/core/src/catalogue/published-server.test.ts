import { describe, expect, it } from "vitest";
import { CatalogueEntry, CatalogueFileEntry, type CatalogueEntryInput } from "./catalogue-entry";
import { endpointFromServers, PublishedServer } from "./published-server";

const integrity = `sha512-${"A".repeat(86)}==`;
const vendorRemote = { kind: "remote", url: "https://mcp.example.com/mcp", transport: "streamable-http", owner: "vendor", publisher: "Example K.K.", source: "https://docs.example.com/mcp" } as const;
const thirdPartyRemote = { ...vendorRemote, url: "https://example-mcp.someone.dev/mcp", owner: "third_party", publisher: "someone", source: "https://github.com/someone/example-mcp" } as const;
const vendorNpm = {
  kind: "package",
  registry: "npm",
  name: "@example/mcp-server",
  version: "1.2.3",
  integrity,
  bin: "example-mcp",
  repository: "https://github.com/example/mcp-server",
  owner: "vendor",
  publisher: "Example K.K.",
  ownerEvidence: "repository under github.com/example, the vendor's organisation",
  requiredEnv: ["EXAMPLE_API_KEY"] as string[],
  source: "https://github.com/example/mcp-server",
} as const;

function problems(server: unknown): string[] {
  const parsed = PublishedServer.safeParse(server);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("PublishedServer", () => {
  it.each([
    ["a vendor's remote endpoint", vendorRemote],
    ["a third party's remote endpoint", thirdPartyRemote],
    ["a vendor's npm package pinned by version and integrity", vendorNpm],
    ["a third party's npm package, unpinned", { kind: "package", registry: "npm", name: "example-mcp", owner: "third_party", publisher: "someone", source: "https://www.npmjs.com/package/example-mcp" }],
    ["a vendor's PyPI package without an npm hash", { kind: "package", registry: "pypi", name: "example-mcp", version: "0.4.0", owner: "vendor", publisher: "Example K.K.", source: "https://pypi.org/project/example-mcp/" }],
    ["a vendor's source-only repository", { kind: "package", registry: "github", name: "example/mcp-server", owner: "vendor", publisher: "Example K.K.", source: "https://github.com/example/mcp-server" }],
  ])("accepts %s", (_, server) => {
    expect(problems(server)).toEqual([]);
  });

  it.each([
    ["a source that is a citation, not a URL", { ...vendorRemote, source: "vendor documentation" }, "source"],
    ["a package without a source", { ...vendorNpm, source: undefined }, "source"],
    ["a non-http remote URL", { ...vendorRemote, url: "ws://mcp.example.com" }, "url"],
    ["a stdio transport on a remote server", { ...vendorRemote, transport: "stdio" }, "transport"],
    ["an owner other than vendor / third_party", { ...vendorRemote, owner: "partner" }, "owner"],
    ["a vendor's npm package without a version", { ...vendorNpm, version: undefined }, "version"],
    ["a vendor's npm package without an integrity hash", { ...vendorNpm, integrity: undefined }, "integrity"],
    ["an integrity that is not a sha512", { ...vendorNpm, integrity: "sha1-abc" }, "integrity"],
    ["an npm integrity on a docker image", { ...vendorNpm, registry: "docker" }, "integrity"],
    ["a required variable named after Kensa's own configuration", { ...vendorNpm, requiredEnv: ["DATABASE_URL"] }, "requiredEnv.0"],
    ["an unknown field", { ...vendorRemote, website: "https://example.com" }, ""],
  ])("refuses %s", (_, server, path) => {
    const found = problems(server);
    expect(found.some((p) => p.startsWith(`${path}:`)), found.join("\n")).toBe(true);
  });
});

describe("endpointFromServers", () => {
  const empty = { url: null, transport: "streamable-http" as const };

  it("takes the first vendor-owned remote server while the endpoint is empty", () => {
    expect(endpointFromServers(empty, [vendorNpm as never, thirdPartyRemote, vendorRemote])).toEqual({ url: vendorRemote.url, transport: "streamable-http", source: vendorRemote.source });
  });

  it("never takes a third party's server, even when it is the only remote one", () => {
    expect(endpointFromServers(empty, [thirdPartyRemote, PublishedServer.parse(vendorNpm)])).toBe(empty);
  });

  it("keeps an endpoint already set", () => {
    const set = { url: "https://mcp.example.com/other", transport: "sse" as const };
    expect(endpointFromServers(set, [vendorRemote])).toBe(set);
  });
});

describe("an entry's servers and endpoint", () => {
  const base: CatalogueEntryInput = {
    id: "example",
    name: { en: "Example" },
    vendor: "Example K.K.",
    category: "accounting",
    endpoint: { url: null, transport: "streamable-http" },
    authMethod: "api_key",
    authMethodSource: "https://docs.example.com/auth",
    credential: { kind: "bearer", tokenSecret: "EX_KEY" },
    calls: [{ tool: "list_deals", readOnly: true }],
    intervalSec: 900,
    sandbox: { profile: "api-key-basic" },
  };
  const fileProblems = (change: Partial<CatalogueEntryInput>): string[] => {
    const parsed = CatalogueFileEntry.safeParse({ ...base, ...change });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts servers with an endpoint that is the vendor's remote server, and none found ([])", () => {
    expect(fileProblems({ checked: "docs + npm", servers: [vendorRemote, thirdPartyRemote, vendorNpm], endpoint: { url: vendorRemote.url, transport: "streamable-http" } })).toEqual([]);
    expect(fileProblems({ checked: "docs + npm", servers: [] })).toEqual([]);
  });

  it("refuses an endpoint that is a third party's listed server", () => {
    expect(fileProblems({ servers: [vendorRemote, thirdPartyRemote], endpoint: { url: thirdPartyRemote.url, transport: "streamable-http" } })).toEqual([
      expect.stringMatching(/^endpoint\.url: expected the vendor's own server, .* third party's/),
    ]);
  });

  it("refuses an endpoint that is not among the listed servers (or when none were found)", () => {
    const endpoint = { url: "https://mcp.example.com/unlisted", transport: "streamable-http" as const };
    expect(fileProblems({ servers: [vendorRemote], endpoint })).toEqual([expect.stringMatching(/^endpoint\.url: expected one of the vendor-owned remote servers/)]);
    expect(fileProblems({ servers: [], endpoint })).toHaveLength(1);
  });

  it("leaves an endpoint alone while servers were not looked for, and lets overlays (CatalogueEntry) point elsewhere", () => {
    const endpoint = { url: "https://staging.example.com/mcp", transport: "streamable-http" as const };
    expect(fileProblems({ endpoint })).toEqual([]);
    expect(CatalogueEntry.safeParse({ ...base, servers: [vendorRemote], endpoint }).success).toBe(true);
  });

  it("refuses an invalid server inside an entry with its index", () => {
    expect(fileProblems({ servers: [vendorRemote, { ...vendorNpm, integrity: undefined }] })).toEqual([expect.stringMatching(/^servers\.1\.integrity: /)]);
  });
});
