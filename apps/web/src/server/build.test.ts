import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { webBuildIsStale } from "./build";

describe("webBuildIsStale", () => {
  it("wants a build when there is none, reuses a newer one, and rebuilds after a source change", () => {
    const dir = mkdtempSync(join(tmpdir(), "kensa-web-build-"));
    mkdirSync(join(dir, "src", "app"), { recursive: true });
    writeFileSync(join(dir, "src", "app", "page.tsx"), "export default 1;");
    expect(webBuildIsStale(dir)).toBe(true);
    mkdirSync(join(dir, ".next"));
    writeFileSync(join(dir, ".next", "BUILD_ID"), "x");
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "src", "app", "page.tsx"), past, past);
    expect(webBuildIsStale(dir)).toBe(false);
    writeFileSync(join(dir, "src", "app", "page.tsx"), "export default 2;");
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "src", "app", "page.tsx"), future, future);
    expect(webBuildIsStale(dir)).toBe(true);
  });
});
