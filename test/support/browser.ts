// Debian's chromium driven by playwright-core (never a downloaded browser), with a fresh profile per
// launch. Missing chromium fails in CI and skips loudly elsewhere, like PostgreSQL and Redis.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { inCi } from "@kensa/testkit";
import { repoRoot } from "./web-build";

export const chromiumPath = "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);

export function skipWithoutChromium(): boolean {
  if (hasChromium) return false;
  if (inCi) throw new Error(`${chromiumPath} is required in CI (apt-get install -y chromium)`);
  console.warn(`\n${"!".repeat(100)}\n!! ${chromiumPath} is missing: browser tests are SKIPPED (apt-get install -y chromium)\n${"!".repeat(100)}\n`);
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  const home = mkdtempSync(join(tmpdir(), "kensa-chromium-"));
  process.env.XDG_CONFIG_HOME ??= home;
  process.env.XDG_CACHE_HOME ??= home;
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export const artifactsDir = join(repoRoot, "test-artifacts");
