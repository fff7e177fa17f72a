// Workers resolve a service's catalogue entry from the service table (which the scheduler keeps in step with
// probes/), not from the copy they loaded at start: a service added or changed later is probed as it is now.
// Parsed entries are cached by content hash, so a probe costs one indexed read.
import { CatalogueEntry } from "@kensa/core";
import { getService, type Database } from "@kensa/db";

export type CatalogueLookup = (serviceId: string) => Promise<CatalogueEntry | undefined>;

export function databaseCatalogueLookup(db: Database): CatalogueLookup {
  const cache = new Map<string, { hash: string; entry: CatalogueEntry }>();
  return async (serviceId) => {
    const row = await getService(db, serviceId);
    if (!row || !row.active) return undefined;
    const cached = cache.get(serviceId);
    if (cached?.hash === row.contentHash) return cached.entry;
    const entry = CatalogueEntry.parse(row.catalogue);
    cache.set(serviceId, { hash: row.contentHash, entry });
    return entry;
  };
}
