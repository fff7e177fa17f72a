import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error — plain ESM next to the bin, no types
import { prebuiltBundle } from "../bin/prebuilt.mjs";

function dist(sourceAgeSec: number, bundleAgeSec: number) {
  const dir = mkdtempSync(join(tmpdir(), "kensa-prebuilt-"));
  const source = join(dir, "scan.ts");
  writeFileSync(source, "export {}");
  writeFileSync(join(dir, "kensa-scan.mjs"), "export {}");
  writeFileSync(join(dir, "kensa-scan.mjs.inputs.json"), JSON.stringify([source]));
  const now = Date.now() / 1000;
  utimesSync(source, now - sourceAgeSec, now - sourceAgeSec);
  utimesSync(join(dir, "kensa-scan.mjs"), now - bundleAgeSec, now - bundleAgeSec);
  return { dir, url: pathToFileURL(`${dir}/`), source };
}

describe("kensa scan's prebuilt bundle", () => {
  it("is used for a scan while it is newer than every source it was built from", () => {
    const { url } = dist(60, 10);
    expect(prebuiltBundle(["scan", "http://127.0.0.1:1/mcp"], {}, url)?.href).toBe(new URL("kensa-scan.mjs", url).href);
  });

  it("is not used once a source changed, for other commands, or when KENSA_PREBUILT=0", () => {
    expect(prebuiltBundle(["scan"], {}, dist(10, 60).url)).toBeUndefined();
    const fresh = dist(60, 10).url;
    expect(prebuiltBundle(["start"], {}, fresh)).toBeUndefined();
    expect(prebuiltBundle(["scan"], { KENSA_PREBUILT: "0" }, fresh)).toBeUndefined();
  });

  it("is not used when the bundle, its source list or a listed source is missing", () => {
    const { dir, url } = dist(60, 10);
    writeFileSync(join(dir, "kensa-scan.mjs.inputs.json"), JSON.stringify([join(dir, "gone.ts")]));
    expect(prebuiltBundle(["scan"], {}, url)).toBeUndefined();
    writeFileSync(join(dir, "kensa-scan.mjs.inputs.json"), "not json");
    expect(prebuiltBundle(["scan"], {}, url)).toBeUndefined();
    expect(prebuiltBundle(["scan"], {}, pathToFileURL(`${mkdtempSync(join(tmpdir(), "kensa-empty-"))}/`))).toBeUndefined();
  });
});
