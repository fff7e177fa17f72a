// The protocol-era mix of the sandbox fleet over the whole catalogue (probes/): most services initialize-era
// only, some both eras, a few 2026-07-28 only; a small share of gateway paths mangle the mirrored headers;
// the seed stories' services stay on the initialize era their calibration was made in.
import { beforeAll, describe, expect, it } from "vitest";
import { eraPostureOf, mirroredHeadersOf, protocolErasOf, sandboxProfileOf, type CatalogueEntry, type EraPosture } from "@kensa/core";
import { loadCatalogue } from "./load-catalogue";

describe("the sandbox fleet's protocol eras (probes/)", () => {
  let entries: CatalogueEntry[];
  const share: Record<EraPosture, number> = { initialize: 0, dual: 0, modern: 0 };
  beforeAll(async () => {
    entries = (await loadCatalogue()).entries;
    for (const e of entries) share[eraPostureOf(protocolErasOf(e.id, sandboxProfileOf(e)))] += 1 / entries.length;
  });

  it("is mostly initialize-only, some dual, a few modern-only (~70/22/8)", () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(share.initialize).toBeGreaterThanOrEqual(0.6);
    expect(share.initialize).toBeLessThanOrEqual(0.8);
    expect(share.dual).toBeGreaterThanOrEqual(0.15);
    expect(share.dual).toBeLessThanOrEqual(0.3);
    expect(share.modern).toBeGreaterThanOrEqual(0.03);
    expect(share.modern).toBeLessThanOrEqual(0.14);
  });

  it("mangles the mirrored headers on a small share of gateway paths", () => {
    const mangled = entries.filter((e) => mirroredHeadersOf(e.id, sandboxProfileOf(e)) === "mangle").length / entries.length;
    expect(mangled).toBeGreaterThan(0.03);
    expect(mangled).toBeLessThan(0.25);
  });

  it("keeps the seed stories (freee, slack) on the initialize era", () => {
    for (const id of ["freee", "slack"]) {
      const e = entries.find((x) => x.id === id)!;
      expect(protocolErasOf(id, sandboxProfileOf(e)), id).toEqual(["initialize"]);
    }
  });
});
