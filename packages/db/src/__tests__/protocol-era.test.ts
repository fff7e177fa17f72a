// A run's protocol era, version and the eras the server offered are stored with its summary and read back
// unchanged (the scorer and the service page read them from there).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProbeRunSummary } from "@kensa/core";
import { databaseBackends, syntheticRun, syntheticService } from "@kensa/testkit";
import type { Database } from "../open-database";
import { recordRuns } from "../queries/record-runs";
import { latestEvidenceRuns } from "../queries/runs";
import { syncServices } from "../queries/services";

describe.each(databaseBackends)("protocol eras stored with the run on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    await syncServices(db, [syntheticService("dual-era")]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!backend.available)("keeps protocolEra, protocolVersion and eras", async () => {
    const run = syntheticRun({ serviceId: "dual-era", startedAt: new Date(Date.UTC(2026, 11, 1)), seed: 7 });
    const eras = { protocolEra: "modern" as const, protocolVersion: "2026-07-28", eras: [{ era: "modern" as const, versions: ["2026-07-28"] }, { era: "initialize" as const, versions: ["2025-11-25"] }] };
    await recordRuns(db, [{ ...run, summary: { ...run.summary, ...eras } }]);
    const { summary } = await latestEvidenceRuns(db, "dual-era", new Date(Date.UTC(2026, 11, 2)));
    expect(ProbeRunSummary.parse(summary)).toMatchObject(eras);
  });
});
