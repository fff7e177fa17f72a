import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@kensa/db";
import { openTestPgliteDatabase } from "@kensa/testkit";
import { hostileCases } from "./cases";
import { collect, openHostileHarness, type HostileHarness } from "./harness";

// Every attack goes through the worker's probe.run path into a real (PGlite) database. Each must end within
// its bound, be stored with the right class, leave no socket or timer behind, and the heap must come back.
describe("hostile targets: every attack ends in bound, classified and stored; the worker stays healthy", () => {
  let db: Database;
  let harness: HostileHarness;
  let baselineHeapMb = 0;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    harness = await openHostileHarness(hostileCases, db);
    // Warm the runtime (first probe, first insert, first grade) so the baseline is the steady state.
    await harness.runCase(hostileCases.find((c) => c.id === "malformed-json")!);
    collect();
    baselineHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  });
  afterAll(async () => {
    await harness?.close();
    await db?.close();
  });

  it.each(hostileCases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const report = await harness.runCase(c);
    expect(report.problems, `${c.attack}: ${report.outcome} → ${report.errorClass}`).toEqual([]);
  });

  it("the heap is back at its baseline after the whole table", () => {
    collect();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    expect(heapMb - baselineHeapMb).toBeLessThan(24);
  });
});
