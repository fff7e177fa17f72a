// The stale-while-revalidate cache of window figures, on a real embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRun } from "@kensa/core";
import type { Database } from "@kensa/db";
import { recordRuns } from "@kensa/db";
import { openTestPgliteDatabase, seedDashboard, syntheticRun, waitUntil, type DashboardSeed } from "@kensa/testkit";
import { cachedWindowStats } from "./window-cache";

describe("cached window figures", () => {
  let db: Database;
  let first: string;
  let second: string;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    const seed: DashboardSeed = await seedDashboard(db, { services: 3, days: 3, endDay: "2026-11-03" });
    [first, second] = seed.services.map((s) => s.id) as [string, string];
  });
  afterAll(async () => {
    await db?.close();
  });

  it("serves cached figures while fresh, the old ones once while refreshing, then the new ones", async () => {
    let now = 1_000_000;
    const options = { freshMs: 30_000, now: () => now };
    const window = { from: "2026-11-01", to: "2026-11-03" };
    const before = (await cachedWindowStats(db, window, options)).get(first)!.calls;
    const run = syntheticRun({ serviceId: first, startedAt: new Date("2026-11-02T05:00:00Z"), seed: 9, idempotencyKey: "cache-test" });
    await recordRuns(db, [run]);
    now += 10_000;
    expect((await cachedWindowStats(db, window, options)).get(first)!.calls).toBe(before);
    now += 30_000;
    expect((await cachedWindowStats(db, window, options)).get(first)!.calls).toBe(before);
    // The refresh runs in the background: wait for it, never a fixed sleep.
    const fresh = async () => (await cachedWindowStats(db, window, options)).get(first)!.calls;
    await waitUntil(async () => (await fresh()) !== before, 10_000, "the background refresh");
    expect(await fresh()).toBe(before + aggregateRun(run).calls);
  });

  it("keeps figures per window", async () => {
    const a = await cachedWindowStats(db, { from: "2026-11-03", to: "2026-11-03" });
    const b = await cachedWindowStats(db, { from: "2026-11-01", to: "2026-11-03" });
    expect(a.get(second)!.calls).toBeLessThan(b.get(second)!.calls);
  });
});
