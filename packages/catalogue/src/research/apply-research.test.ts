// The research applier on a temporary copy of a few catalogue files (fixtures/: as they were before any
// research was applied): what it writes, what it refuses, that comments and formatting survive, and that a
// second run changes nothing.
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { catalogueCounts } from "../catalogue-counts";
import { loadCatalogue } from "../load-catalogue";
import { applyResearchFiles } from "./apply-research-files";

const integrity = `sha512-${"B".repeat(86)}==`;
const ids = ["backlog", "slack", "freee", "notion", "kintone"];
const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url));

const research = [
  {
    id: "backlog",
    checked: "vendor docs + npm + GitHub org nulab",
    servers: [
      { kind: "remote", url: "https://backlog-mcp.someone.dev/mcp", transport: "streamable-http", owner: "third_party", publisher: "someone", source: "https://github.com/someone/backlog-remote" },
      {
        kind: "package",
        registry: "npm",
        name: "backlog-mcp-server",
        version: "0.20.4",
        integrity,
        bin: { "backlog-mcp-server": "build/index.js" },
        repository: "git+https://github.com/nulab/backlog-mcp-server.git",
        owner: "vendor",
        publisher: "Nulab Inc.",
        requiredEnv: ["BACKLOG_DOMAIN", "BACKLOG_API_KEY"],
        source: "https://github.com/nulab/backlog-mcp-server",
      },
    ],
    facts: { saml: { value: true, source: "https://backlog.com/help/saml", note: "Enterprise plan" } },
  },
  {
    id: "slack",
    checked: "Slack developer docs",
    servers: [{ kind: "remote", url: "https://mcp.slack.example/mcp", transport: "streamable-http", owner: "vendor", publisher: "Slack", source: "https://docs.slack.example/mcp" }],
    authMethod: { value: "oauth2", source: "https://docs.slack.example/authentication" },
    facts: { scim: { value: true, source: "https://docs.slack.example/scim" } },
  },
  // freee: the credential (bearer) and profile (oauth-day-token) are OAuth; an API-key claim is reported, the rest applied.
  { id: "freee", checked: "freee developers + npm", servers: [], authMethod: { value: "api_key", source: "https://developer.freee.example/auth" }, facts: { oidc: { value: true, source: "https://support.freee.example/oidc" } } },
];

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function fixture(entries: unknown[]): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "kensa-research-"));
  dirs.push(dir);
  for (const id of ids) await copyFile(join(fixtures, `${id}.yaml`), join(dir, `${id}.yaml`));
  const file = join(dir, "research.json");
  await writeFile(file, JSON.stringify(entries));
  return { dir, file };
}

const snapshot = async (dir: string) => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await readFile(join(dir, `${id}.yaml`), "utf8")] as const)));

describe("applying research to catalogue files", () => {
  it("writes servers, facts, a sourced auth method and the vendor's endpoint; the result validates", async () => {
    const { dir, file } = await fixture(research);
    const report = await applyResearchFiles({ dir, files: [file], write: true });
    expect(report.refused).toEqual([]);
    expect(report.changed.map((c) => c.id)).toEqual(["backlog", "slack", "freee"]);
    const { byId, entries } = await loadCatalogue({ dir });

    const backlog = byId.get("backlog")!;
    expect(backlog.endpoint.url).toBeNull(); // a third party's server never becomes the endpoint
    expect(backlog.servers?.[1]).toMatchObject({ kind: "package", bin: "backlog-mcp-server", repository: "https://github.com/nulab/backlog-mcp-server", version: "0.20.4", integrity });
    expect(backlog.facts.saml).toEqual({ value: true, source: "https://backlog.com/help/saml", note: "Enterprise plan" });

    const slack = byId.get("slack")!;
    expect(slack.endpoint).toEqual({ url: "https://mcp.slack.example/mcp", transport: "streamable-http", source: "https://docs.slack.example/mcp" });
    expect(slack.authMethodSource).toBe("https://docs.slack.example/authentication");

    const freee = byId.get("freee")!;
    expect(freee.authMethod).toBe("oauth2");
    expect(report.conflicts).toEqual([expect.stringMatching(/freee\.yaml: authMethod "api_key" \(https:\/\/developer\.freee\.example\/auth\) not applied: .*sandbox\.profile: expected a profile whose auth mode fits authMethod "api_key"/)]);
    expect(freee.facts.oidc.value).toBe(true);
    expect(freee.facts.saml.source).toMatch(/seed report/); // facts the research did not cover stay
    expect(freee.servers).toEqual([]);

    const counts = catalogueCounts(entries);
    expect(counts).toMatchObject({ researched: 3, withVendorRemote: 1, withVendorPackage: 1, pinnedNpmPackages: 1, thirdPartyServers: 1, withThirdPartyServer: 1 });
    expect(counts.endpoints).toBe(2); // Slack's, and Notion's from before
    expect(counts.facts.saml).toEqual({ true: 1, false: 1, fromUrl: 1 });
  });

  it("keeps comments, key order and flow style, and changes only the fields researched", async () => {
    const { dir, file } = await fixture(research);
    const before = await snapshot(dir);
    await applyResearchFiles({ dir, files: [file], write: true });
    const after = await snapshot(dir);
    expect(after.kintone).toBe(before.kintone);
    expect(after.notion).toBe(before.notion);
    const unchangedLines = (id: string) => before[id]!.split("\n").filter((line) => !after[id]!.split("\n").includes(line));
    expect(unchangedLines("backlog")).toEqual([]); // only additions
    expect(unchangedLines("slack")).toEqual([
      "# No public MCP endpoint is known: the calls target the sandbox's tool shapes for this category.",
      "endpoint: {url: null, transport: streamable-http}",
      "authMethodSource: 'KanseiLink landscape Q2 2026: design.auth 4/5, read as OAuth 2.0'",
    ]);
    expect(after.slack).toMatch(/^# Slack — Kensa catalogue entry/);
    expect(after.backlog).toContain("  requiredEnv: [BACKLOG_DOMAIN, BACKLOG_API_KEY]\n");
    expect(after.backlog).toMatch(/\nendpoint: .*\nchecked: .*\nservers:\n- kind: remote\n/);
  });

  it("is idempotent: a second run changes no byte", async () => {
    const { dir, file } = await fixture(research);
    await applyResearchFiles({ dir, files: [file], write: true });
    const once = await snapshot(dir);
    const again = await applyResearchFiles({ dir, files: [file], write: true });
    expect(again.changed).toEqual([]);
    expect(again.unchanged.sort()).toEqual(["backlog", "freee", "slack"]);
    expect(await snapshot(dir)).toEqual(once);
  });

  it("refuses unknown ids and duplicates in a file; never lists servers that leave a set endpoint out or call it a third party's", async () => {
    const { dir, file } = await fixture([
      { id: "no-such-service", servers: [] },
      { id: "slack", servers: [] },
      { id: "slack", servers: [] },
      // Notion's endpoint is set: research listing it only as a third party's leaves servers unwritten (the rest is applied).
      {
        id: "notion",
        servers: [{ kind: "remote", url: "https://mcp.notion.com/mcp", transport: "streamable-http", owner: "third_party", publisher: "x", source: "https://x.example" }],
        facts: { scim: { value: true, source: "https://www.notion.com/help/scim" } },
      },
    ]);
    const before = await snapshot(dir);
    const report = await applyResearchFiles({ dir, files: [file], write: true });
    const problems = report.refused.map((r) => `${r.where.replace(/^.*\[\d+\] /, "")} ${r.problems.join("; ")}`);
    expect(problems).toEqual([
      expect.stringMatching(/^\(slack\) "slack" is already researched in .*\[1\] \(slack\): one entry per service in a file/),
      expect.stringMatching(/^\(no-such-service\) no catalogued service/),
    ]);
    expect(report.conflicts).toEqual([expect.stringMatching(/notion\.yaml: servers not written: expected the vendor's own server, got "https:\/\/mcp\.notion\.com\/mcp", listed in servers as a third party's/)]);
    expect(report.changed).toEqual([{ id: "slack", changes: ["servers: 0 (none found)"] }, { id: "notion", changes: [expect.stringMatching(/^facts\.scim: unknown → true/)] }]);
    const after = await snapshot(dir);
    for (const id of ["backlog", "kintone", "freee"]) expect(after[id]).toBe(before[id]);
    expect(after.notion).not.toMatch(/servers:/);
    expect((await loadCatalogue({ dir })).byId.get("notion")).toMatchObject({ endpoint: { url: "https://mcp.notion.com/mcp" }, facts: { scim: { value: true } } });
  });

  it("refuses unsourced or unpinned items one by one, holds back what the researcher flagged, and applies the rest", async () => {
    const vendorPackage = research[0]!.servers![1]!;
    const { dir, file } = await fixture([
      {
        id: "backlog",
        checked: "npm + GitHub",
        notes: "a researcher's note",
        servers: [
          { ...vendorPackage, source: "the npm page" },
          { ...vendorPackage, name: "backlog-mcp-unpinned", integrity: null },
          { kind: "remote", url: "https://mcp.backlog.example/mcp", transport: "streamable-http", owner: "vendor", publisher: "Nulab", source: "https://directory.example/backlog", note: "DOUBTFUL SOURCE: a third party's directory" },
          { kind: "remote", url: "https://{space}.backlog.example/mcp", transport: null, owner: "vendor", publisher: "Nulab Inc.", source: "https://support.backlog.com/mcp" },
          { ...vendorPackage, requiredEnv: ["BACKLOG_DOMAIN (or BACKLOG_ORG_<NAME>_DOMAIN)", "BACKLOG_API_KEY", "BACKLOG_MAX_TOKENS (optional)"] },
        ],
        facts: {
          scim: { value: true },
          saml: { value: true, source: "https://backlog.example/saml", role: "identity_provider" },
          terraformProvider: { value: true, source: "https://registry.terraform.io/providers/someone/backlog", note: "community provider, not published by Nulab" },
          oidc: { value: false, source: "https://backlog.example/sso" },
        },
      },
      { id: "kintone", facts: { scim: { value: true } } },
    ]);
    const before = await snapshot(dir);
    const report = await applyResearchFiles({ dir, files: [file], write: true });
    expect(report.refused).toEqual([]);
    expect(report.items.map((i) => `${i.kind} ${i.problem.split(":")[0]}`)).toEqual([
      "ignored notes",
      "refused servers[0] backlog-mcp-server",
      "refused servers[1] backlog-mcp-unpinned",
      "held back servers[2] https",
      "refused facts.scim.source",
      "refused facts.saml",
      "held back facts.terraformProvider",
      "refused facts.scim.source",
    ]);
    const { byId } = await loadCatalogue({ dir });
    const backlog = byId.get("backlog")!;
    expect(backlog.servers).toEqual([
      { kind: "remote", url: null, owner: "vendor", publisher: "Nulab Inc.", source: "https://support.backlog.com/mcp", note: "URL per tenant: https://{space}.backlog.example/mcp" },
      expect.objectContaining({ name: "backlog-mcp-server", requiredEnv: ["BACKLOG_DOMAIN", "BACKLOG_API_KEY"], note: "requiredEnv as researched: BACKLOG_DOMAIN (or BACKLOG_ORG_<NAME>_DOMAIN); BACKLOG_MAX_TOKENS (optional)" }),
    ]);
    expect(backlog.endpoint.url).toBeNull(); // a per-tenant server and a doubtful one never become the endpoint
    expect(backlog.facts.oidc).toEqual({ value: false, source: "https://backlog.example/sso" });
    expect(backlog.facts.saml.value).toBe("unknown");
    expect(backlog.facts.terraformProvider.value).toBe("unknown");
    expect((await snapshot(dir)).kintone).toBe(before.kintone);
  });

  it("holds back a server recorded as the vendor's when only a third party's page says so", async () => {
    const remote = { kind: "remote", transport: "streamable-http", owner: "vendor", publisher: "Nulab Inc." };
    const { dir, file } = await fixture([
      {
        id: "backlog",
        servers: [
          { ...remote, url: "https://mcp.backlog-directory.example/mcp", source: "https://mcpservers.example/servers/backlog" },
          { ...remote, url: "https://mcp.backlog.com/mcp", source: "https://support.backlog.com/mcp" }, // the homepage's domain
          { ...remote, url: "https://mcp.nulab.example/mcp", source: "https://docs.nulab.example/mcp" }, // the server's own domain
        ],
      },
      { id: "kintone", servers: [{ ...remote, url: "https://mcp.kintone.example/mcp", source: "https://blog.someone.example/kintone-mcp" }] },
    ]);
    const before = await snapshot(dir);
    const report = await applyResearchFiles({ dir, files: [file], write: true });
    expect(report.conflicts).toEqual([
      expect.stringMatching(/backlog\.yaml: held back https:\/\/mcp\.backlog-directory\.example\/mcp: recorded as the vendor's, but its source https:\/\/mcpservers\.example\/servers\/backlog is neither the vendor's site \(backlog\.com\)/),
      expect.stringMatching(/kintone\.yaml: held back https:\/\/mcp\.kintone\.example\/mcp/),
    ]);
    const { byId } = await loadCatalogue({ dir });
    expect(byId.get("backlog")!.servers!.map((s) => (s.kind === "remote" ? s.url : null))).toEqual(["https://mcp.backlog.com/mcp", "https://mcp.nulab.example/mcp"]);
    expect(byId.get("backlog")!.endpoint.url).toBe("https://mcp.backlog.com/mcp");
    expect((await snapshot(dir)).kintone).toBe(before.kintone); // its only server held back: not "none found"
  });

  it("lets a later research file's entry supersede an earlier one", async () => {
    const { dir, file } = await fixture([{ id: "slack", checked: "first pass", servers: [] }]);
    const second = join(dir, "second.json");
    await writeFile(second, JSON.stringify([research[1]]));
    const report = await applyResearchFiles({ dir, files: [file, second], write: true });
    expect(report.superseded).toEqual([expect.stringMatching(/^slack: .*research\.json\[0\] \(slack\) superseded by .*second\.json\[0\] \(slack\)$/)]);
    const { byId } = await loadCatalogue({ dir });
    expect(byId.get("slack")).toMatchObject({ checked: "Slack developer docs", endpoint: { url: "https://mcp.slack.example/mcp" } });
  });

  it("a dry run reports what would change and writes nothing", async () => {
    const { dir, file } = await fixture(research);
    const before = await snapshot(dir);
    const report = await applyResearchFiles({ dir, files: [file], write: false });
    expect(report.changed).toHaveLength(3);
    expect(await snapshot(dir)).toEqual(before);
  });
});
