// Tracked services, mirrored from the catalogue. A sync reports what changed so schedules and grades follow.
import type { CatalogueEntry } from "@kensa/core";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export interface ServiceUpsert {
  id: string;
  nameEn: string;
  nameJa?: string | null;
  vendor: string;
  category: string;
  authMethod: string;
  catalogue: unknown;
  contentHash: string;
}

/** A catalogue entry as the service table mirrors it (the entry itself is kept whole in `catalogue`). */
export function serviceFromCatalogue(entry: CatalogueEntry, contentHash: string): ServiceUpsert {
  return {
    id: entry.id,
    nameEn: entry.name.en,
    nameJa: entry.name.ja ?? null,
    vendor: entry.vendor,
    category: entry.category,
    authMethod: entry.authMethod,
    catalogue: entry,
    contentHash,
  };
}

export interface SyncReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

export async function syncServices(db: Database, entries: readonly ServiceUpsert[]): Promise<SyncReport> {
  const services = prismaOf(db).service;
  const existing = new Map(
    (await services.findMany({ select: { id: true, contentHash: true, active: true } })).map((s) => [s.id, s]),
  );
  const report: SyncReport = { added: [], changed: [], removed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const entry of entries) {
    seen.add(entry.id);
    const before = existing.get(entry.id);
    if (before && before.contentHash === entry.contentHash && before.active) {
      report.unchanged += 1;
      continue;
    }
    const data = { ...entry, nameJa: entry.nameJa ?? null, catalogue: entry.catalogue as object, active: true };
    await services.upsert({ where: { id: entry.id }, create: data, update: data });
    (before ? report.changed : report.added).push(entry.id);
  }
  for (const [id, s] of existing) {
    if (!seen.has(id) && s.active) {
      await services.update({ where: { id }, data: { active: false } });
      report.removed.push(id);
    }
  }
  return report;
}

export function listActiveServices(db: Database) {
  return prismaOf(db).service.findMany({ where: { active: true }, orderBy: { id: "asc" } });
}

/** The service row (its catalogue entry whole in `catalogue`), active or not; null for an unknown id. */
export function getService(db: Database, id: string) {
  return prismaOf(db).service.findUnique({ where: { id } });
}
