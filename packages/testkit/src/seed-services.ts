// The tracked services for a seeded dashboard: the real catalogue (probes/, 225 entries) or its first N,
// each given a deterministic "quality" that drives its synthetic failure rate and latency.
import { createHash } from "node:crypto";
import { loadCatalogue } from "@kensa/catalogue";
import type { CatalogueEntry } from "@kensa/core";
import { serviceFromCatalogue, type ServiceUpsert } from "@kensa/db";

export interface SeedService extends ServiceUpsert {
  entry: CatalogueEntry;
  /** 0 (poor) … 1 (excellent): drives failure rates and latency. */
  quality: number;
  source: "live" | "sandbox";
}

export interface SeedServicesOptions {
  /** How many catalogue entries to use (by id order); all when omitted. */
  count?: number;
  /** Only these catalogue ids (before `count`): a test that needs a named service, e.g. slack. */
  ids?: readonly string[];
  seed: number;
  /** How many services are marked live (the rest sandbox); tests use a few to exercise the source filter. */
  live?: number;
}

export async function seedServices(options: SeedServicesOptions): Promise<SeedService[]> {
  const catalogue = await loadCatalogue();
  const entries = [...catalogue.entries].filter((e) => !options.ids || options.ids.includes(e.id)).sort((a, b) => a.id.localeCompare(b.id)).slice(0, options.count ?? catalogue.entries.length);
  return entries.map((entry, i) => ({
    ...serviceFromCatalogue(entry, catalogue.hashOf(entry.id)),
    entry,
    quality: 0.15 + 0.85 * unit(`${options.seed}:${entry.id}`),
    source: i < (options.live ?? 0) ? "live" : "sandbox",
  }));
}

/** A stable number in [0, 1) from a text. */
export function unit(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0) / 2 ** 32;
}
