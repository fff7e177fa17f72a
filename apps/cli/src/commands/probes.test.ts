import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultCatalogueDir } from "@kensa/catalogue";
import { main } from "../main";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  return { out, err };
}
const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("kensa probes validate", () => {
  it("passes on the real catalogue, with and without an overlay (what CI runs)", async () => {
    const { out } = capture();
    expect(await main(["probes", "validate"])).toBe(0);
    expect(await main(["probes", "validate", "--overlay", "prod"])).toBe(0);
    expect(out[0]).toMatch(/^probes: 225 services in \d+ categories are valid/);
    expect(out[1]).toMatch(/with overlay "prod"/);
  });

  it("fails with file, line and field when a file is broken", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kensa-probes-cli-"));
    dirs.push(dir);
    await copyFile(join(defaultCatalogueDir, "slack.yaml"), join(dir, "slack.yaml"));
    const text = await readFile(join(dir, "slack.yaml"), "utf8");
    await writeFile(join(dir, "slack.yaml"), text.replace("kind: oauth-refresh", "kind: oauth-magic"));
    const { err } = capture();
    expect(await main(["probes", "validate", "--dir", dir])).toBe(1);
    expect(err.join("\n")).toMatch(/slack\.yaml:\d+: credential\.kind: expected/);
    expect(err[0]).toMatch(/nothing was loaded/);
  });

  it("fails when a credential names Kensa's own configuration (REDIS_URL) as its secret", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kensa-probes-cli-"));
    dirs.push(dir);
    await copyFile(join(defaultCatalogueDir, "slack.yaml"), join(dir, "slack.yaml"));
    const text = await readFile(join(dir, "slack.yaml"), "utf8");
    await writeFile(join(dir, "slack.yaml"), text.replace(/refreshTokenSecret: \w+/, "refreshTokenSecret: REDIS_URL"));
    const { err } = capture();
    expect(await main(["probes", "validate", "--dir", dir])).toBe(1);
    expect(err.join("\n")).toMatch(/slack\.yaml:\d+: credential\.refreshTokenSecret: expected a probe secret's name, not Kensa's own configuration .*got "REDIS_URL"/);
  });

  it("is bad usage without the validate verb or with an unknown option", async () => {
    capture();
    expect(await main(["probes"])).toBe(2);
    expect(await main(["probes", "validate", "--bogus"])).toBe(2);
  });
});
