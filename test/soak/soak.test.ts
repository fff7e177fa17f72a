import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@kensa/db";
import { openTestPostgresDatabase, skipWithoutPostgres } from "@kensa/testkit";
import { runSoak, soakDrift, type SoakReport } from "./soak";

// The short soak (the full one is `npm run soak`: 10,000 runs): 600 runs against the sandbox in this
// process, stored in PostgreSQL, with memory and handles read after a GC every 200 runs.
describe.skipIf(skipWithoutPostgres())("short soak: 600 sandbox runs in one worker, memory and handles flat", () => {
  let db: Database;
  let report: SoakReport;
  beforeAll(async () => {
    db = await openTestPostgresDatabase({ poolSize: 8 });
    report = await runSoak({ runs: 600, checkpointEvery: 200, database: db });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("stores every run, with no job failure", () => {
    expect(report.failures).toEqual([]);
    expect(report.stored).toBe(600);
  });

  it("leaves no handle type (sockets, timers, servers) or process listener growing, and the heap comes back", () => {
    const drift = soakDrift(report.samples);
    expect(drift.grownHandles).toEqual([]);
    expect(drift.heapGrowthMb).toBeLessThan(16);
  });
});
