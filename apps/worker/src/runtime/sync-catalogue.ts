// Mirror the catalogue into the service table and say so in the audit trail; changed services are re-graded.
import type { Catalogue } from "@kensa/catalogue";
import { recordAudit, serviceFromCatalogue, syncServices, type Database, type SyncReport } from "@kensa/db";

export async function syncCatalogue(db: Database, catalogue: Catalogue, actor: string): Promise<SyncReport> {
  const report = await syncServices(db, catalogue.entries.map((entry) => serviceFromCatalogue(entry, catalogue.hashOf(entry.id))));
  if (report.added.length || report.changed.length || report.removed.length) {
    await recordAudit(db, {
      actor,
      action: "catalogue.sync",
      target: catalogue.overlay ?? "catalogue",
      details: { added: report.added.length, changed: report.changed, removed: report.removed, unchanged: report.unchanged },
    });
  }
  return report;
}
