import { mkdtemp, readFile, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxProfileOf } from "@kensa/core";
import { CatalogueError, defaultCatalogueDir, loadCatalogue } from "./index";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A small catalogue folder copied from the real one, for breaking on purpose. */
async function fixture(ids = ["freee", "slack", "kintone"]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kensa-catalogue-"));
  dirs.push(dir);
  await mkdir(join(dir, "overlays"));
  for (const id of ids) await copyFile(join(defaultCatalogueDir, `${id}.yaml`), join(dir, `${id}.yaml`));
  return dir;
}

async function edit(dir: string, id: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, `${id}.yaml`);
  await writeFile(path, change(await readFile(path, "utf8")));
}

async function failure(promise: Promise<unknown>): Promise<CatalogueError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CatalogueError);
  return error as CatalogueError;
}

describe("the real catalogue", () => {
  it("validates: 225 services, one file each, every entry hashed", async () => {
    const catalogue = await loadCatalogue();
    expect(catalogue.entries).toHaveLength(225);
    expect(catalogue.byId.size).toBe(225);
    for (const entry of catalogue.entries) expect(catalogue.hashOf(entry.id)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("carries the seed's facts for freee and Slack (freee's auth method now read from its own MCP server's README)", async () => {
    const { byId } = await loadCatalogue();
    const freee = byId.get("freee")!;
    expect(freee.authMethod).toBe("oauth2_1_pkce");
    expect(freee.authMethodSource).toBe("https://github.com/freee/freee-mcp");
    expect(freee.tokenLifetime?.seconds).toBe(86_400);
    expect(freee.facts.saml.value).toBe(false);
    expect(sandboxProfileOf(freee).auth.tokenLifetimeSec).toBe(86_400);
    const slack = byId.get("slack")!;
    expect(slack.authMethod).toBe("oauth2");
    expect(slack.kanseilink?.mcpStatus).toBe("official");
    expect(sandboxProfileOf(slack).gateway.structuredArgsMangleRate).toBeGreaterThan(0);
  });

  it("looks like the seed's population: ~60% OAuth, SSO rare; IaC at GitHub, AWS and Shopify and wherever a URL source says so", async () => {
    const { entries } = await loadCatalogue();
    const modes = entries.map((e) => sandboxProfileOf(e).auth.mode);
    const oauth = modes.filter((m) => m === "oauth2" || m === "oauth2_1_pkce" || m === "enterprise_sso").length / entries.length;
    expect(oauth).toBeGreaterThan(0.55);
    expect(oauth).toBeLessThan(0.65);
    expect(modes.filter((m) => m === "enterprise_sso").length / entries.length).toBeLessThan(0.06);
    const iac = entries.filter((e) => e.facts.terraformProvider.value === true);
    const seed = ["amazon-ses", "aws-lambda", "aws-s3", "github", "github-actions", "shopify-global", "shopify-jp"];
    expect(iac.map((e) => e.id)).toEqual(expect.arrayContaining(seed));
    for (const entry of iac.filter((e) => !seed.includes(e.id))) expect(entry.facts.terraformProvider.source, entry.id).toMatch(/^https?:\/\//);
    const japanese = entries.filter((e) => e.name.ja !== undefined).length;
    expect(japanese).toBeGreaterThan(40);
  });

  it("declares nothing without a source and catalogues only read-only calls", async () => {
    const { entries } = await loadCatalogue();
    for (const entry of entries) {
      for (const [name, fact] of Object.entries(entry.facts)) {
        if (fact.value !== "unknown") expect(fact.source, `${entry.id}.facts.${name}`).toBeTruthy();
      }
      expect(entry.calls.every((c) => c.readOnly)).toBe(true);
      expect(entry.calls.length).toBeGreaterThan(0);
    }
  });
});

describe("a broken file", () => {
  it("is named with its field and line when a value is wrong", async () => {
    const dir = await fixture();
    await edit(dir, "slack", (t) => t.replace("readOnly: true", "readOnly: false"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ field: "calls[0].readOnly", line: expect.any(Number) });
    expect(error.issues[0]!.file).toMatch(/slack\.yaml$/);
    expect(error.issues[0]!.expected).toMatch(/expected true/);
    expect(error.message).toMatch(/slack\.yaml:\d+: calls\[0\]\.readOnly: expected true/);
  });

  it("names an unknown (misspelt) key", async () => {
    const dir = await fixture();
    await edit(dir, "kintone", (t) => t.replace("intervalSec:", "intervalSecs:"));
    const error = await failure(loadCatalogue({ dir }));
    const fields = error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(["intervalSec", "intervalSecs"]);
    expect(error.issues.find((i) => i.field === "intervalSec")!.expected).toMatch(/missing/);
    expect(error.issues.find((i) => i.field === "intervalSecs")!.expected).toMatch(/unknown field/);
  });

  it("refuses a secret value where a secret name belongs", async () => {
    const dir = await fixture();
    await edit(dir, "freee", (t) => t.replace("tokenSecret: FREEE_ACCESS_TOKEN", "tokenSecret: sk-live-1234"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues[0]).toMatchObject({ field: "credential.tokenSecret" });
    expect(error.issues[0]!.expected).toMatch(/environment-variable style name/);
  });

  it("refuses a secret name that is Kensa's own configuration: the worker would send it to the endpoint", async () => {
    const dir = await fixture();
    await edit(dir, "freee", (t) => t.replace("tokenSecret: FREEE_ACCESS_TOKEN", "tokenSecret: DATABASE_URL"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: expect.stringMatching(/freee\.yaml$/), field: "credential.tokenSecret", line: expect.any(Number) });
    expect(error.issues[0]!.expected).toMatch(/not Kensa's own configuration .*, got "DATABASE_URL"/);
  });

  it("refuses an overlay whose secret prefix turns every name into Kensa's own (KENSA_…)", async () => {
    const dir = await fixture(["freee"]);
    await writeFile(join(dir, "overlays", "dev.yaml"), "environment: dev\nsecretPrefix: KENSA_\n");
    const error = await failure(loadCatalogue({ dir, overlay: "dev" }));
    expect(error.issues.map((i) => [i.field, /not Kensa's own configuration/.test(i.expected)])).toEqual([["secretPrefix", true]]);
  });

  it("refuses a fact declared without its source", async () => {
    const dir = await fixture();
    await edit(dir, "freee", (t) => t.replace("saml: {value: false, source: 'seed report (KanseiLink, April 2026)', ", "saml: {value: false, "));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues[0]).toMatchObject({ field: "facts.saml" });
    expect(error.issues[0]!.expected).toMatch(/source/);
  });

  it("refuses a credential or profile that does not fit the auth method", async () => {
    const dir = await fixture();
    await edit(dir, "kintone", (t) => t.replace("profile: oauth-solid", "profile: api-key-basic"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues[0]).toMatchObject({ field: "sandbox.profile" });
    expect(error.issues[0]!.expected).toMatch(/auth mode api_key/);
  });

  it("checks profile overrides against the profile's rules", async () => {
    const dir = await fixture();
    await edit(dir, "kintone", (t) => t.replace("sandbox: {profile: oauth-solid}", "sandbox: {profile: oauth-solid, overrides: {latency: {p95Ms: 1}}}"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues[0]!.field).toBe("sandbox.overrides.latency");
    expect(error.issues[0]!.expected).toMatch(/p95Ms >= medianMs/);
  });

  it("reports YAML syntax errors and duplicate keys with their line", async () => {
    const dir = await fixture();
    await edit(dir, "slack", (t) => t.replace("vendor:", "vendor: [unclosed\nvendor2:"));
    await edit(dir, "freee", (t) => `${t}vendor: twice\n`);
    const error = await failure(loadCatalogue({ dir }));
    const files = error.issues.map((i) => i.file.split("/").pop());
    expect(files).toContain("slack.yaml");
    expect(files).toContain("freee.yaml");
    expect(error.issues.every((i) => i.line !== undefined && /valid YAML/.test(i.expected))).toBe(true);
  });

  it("must be named after its id", async () => {
    const dir = await fixture();
    await edit(dir, "kintone", (t) => t.replace("id: kintone", "id: kintone-2"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues[0]).toMatchObject({ field: "id", expected: 'expected "kintone" (the file\'s name), got "kintone-2"' });
  });

  it("fails the whole load: nothing is returned half-way, every broken file is listed", async () => {
    const dir = await fixture();
    await edit(dir, "slack", (t) => t.replace("category: communication", "category: chat"));
    await edit(dir, "kintone", (t) => t.replace("intervalSec: 900", "intervalSec: 5"));
    const error = await failure(loadCatalogue({ dir }));
    expect(error.issues.map((i) => i.field).sort()).toEqual(["category", "intervalSec"]);
    expect(error.code).toBe("invalid_catalogue");
  });
});

describe("overlays", () => {
  it("dev and staging change intervals and secret names without touching the files", async () => {
    const base = await loadCatalogue();
    const dev = await loadCatalogue({ overlay: "dev" });
    const staging = await loadCatalogue({ overlay: "staging" });
    expect(dev.overlay).toBe("dev");
    expect(dev.entries.every((e) => e.intervalSec === 300)).toBe(true);
    expect(staging.byId.get("freee")!.credential).toEqual({ kind: "bearer", tokenSecret: "STAGING_FREEE_ACCESS_TOKEN" });
    expect(base.byId.get("freee")!.credential).toEqual({ kind: "bearer", tokenSecret: "FREEE_ACCESS_TOKEN" });
    expect(staging.hashOf("freee")).not.toBe(base.hashOf("freee"));
    expect((await loadCatalogue({ overlay: "prod" })).hashOf("freee")).toBe(base.hashOf("freee"));
  });

  it("replaces one service's endpoint, credential and interval", async () => {
    const dir = await fixture();
    await writeFile(
      join(dir, "overlays", "staging.yaml"),
      [
        "environment: staging",
        "services:",
        "  kintone:",
        "    endpoint: { url: https://staging.example.com/mcp, transport: streamable-http }",
        "    credential: { kind: bearer, tokenSecret: KINTONE_STAGING_TOKEN }",
        "    intervalSec: 120",
      ].join("\n"),
    );
    const { byId } = await loadCatalogue({ dir, overlay: "staging" });
    expect(byId.get("kintone")).toMatchObject({ endpoint: { url: "https://staging.example.com/mcp" }, credential: { tokenSecret: "KINTONE_STAGING_TOKEN" }, intervalSec: 120 });
    expect(byId.get("slack")!.intervalSec).toBe(900);
  });

  it("names the overlay file and field when it is wrong", async () => {
    const dir = await fixture();
    const overlay = join(dir, "overlays", "dev.yaml");
    await writeFile(overlay, "environment: dev\nservices:\n  kintoen: { intervalSec: 600 }\n  slack: { credential: { kind: none } }\n");
    const error = await failure(loadCatalogue({ dir, overlay: "dev" }));
    expect(error.issues.every((i) => i.file.endsWith("dev.yaml"))).toBe(true);
    expect(error.issues.map((i) => i.field).sort()).toEqual(["services.kintoen", "services.slack.credential.kind", "services.slack.sandbox.profile"]);
  });

  it("reports a missing overlay as a catalogue error naming the file", async () => {
    const dir = await fixture();
    const error = await failure(loadCatalogue({ dir, overlay: "qa" }));
    expect(error.issues[0]!.file).toMatch(/overlays\/qa\.yaml$/);
  });
});

describe("content hash", () => {
  it("ignores comments, formatting and key order but not content", async () => {
    const dir = await fixture();
    const before = (await loadCatalogue({ dir })).hashOf("kintone");
    await edit(dir, "kintone", (t) => `# a comment\n${t.replace("vendor: Cybozu, Inc.\n", "").replace("id: kintone\n", "id: kintone\nvendor:    Cybozu, Inc.\n")}`);
    expect((await loadCatalogue({ dir })).hashOf("kintone")).toBe(before);
    await edit(dir, "kintone", (t) => t.replace("limit: 5", "limit: 6"));
    expect((await loadCatalogue({ dir })).hashOf("kintone")).not.toBe(before);
  });
});
