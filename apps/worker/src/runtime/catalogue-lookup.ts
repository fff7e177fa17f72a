// Workers resolve a service's catalogue entry from the service table (which the scheduler keeps in step with
// probes/), not from the copy they loaded at start: a service added or changed later is probed as it is now.
// Parsed entries are cached by content hash, so a probe costs one indexed read.
import { CatalogueEntry } from "@kensa/core";
import type { Database } from "@kensa/db";

export type CatalogueLookup = (serviceId: string) => Promise<CatalogueEntry | undefined>;

export function databaseCatalogueLookup(db: Database): CatalogueLookup {
  const cache = new Map<string, { hash: string; entry: CatalogueEntry }>();
  return async (serviceId) => {
    const row = await db.prisma.service.findUnique({ where: { id: serviceId }, select: { catalogue: true, contentHash: true, active: true } });
    if (!row || !row.active) return undefined;
    const cached = cache.get(serviceId);
    if (cached?.hash === row.contentHash) return cached.entry;
    const entry = CatalogueEntry.parse(row.catalogue);
    cache.set(serviceId, { hash: row.contentHash, entry });
    return entry;
  };
}
