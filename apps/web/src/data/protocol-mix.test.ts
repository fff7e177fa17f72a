import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EraOffer, ProbeRunRecord, ProtocolEra } from "@kensa/core";
import { recordRuns, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { loadProtocolMix, protocolMixOf } from "./protocol-mix";

const modern: EraOffer = { era: "modern", versions: ["2026-07-28"] };
const initialize: EraOffer = { era: "initialize", versions: ["2025-11-25"] };
function run(serviceId: string, at: string, era: ProtocolEra, eras: EraOffer[]): ProbeRunRecord {
  return {
    id: crypto.randomUUID(), idempotencyKey: `${serviceId}:${at}`, serviceId, trigger: "schedule", source: "sandbox", path: "direct",
    startedAt: at, finishedAt: at, summary: { target: { transport: "streamable-http" }, protocolEra: era, eras }, steps: [],
  };
}

describe("the protocol mix figures", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, ["a", "b", "c", "d"].map(syntheticService));
    await recordRuns(db, [
      run("a", "2026-11-10T01:00:00.000Z", "initialize", [initialize]),
      run("b", "2026-11-10T01:00:00.000Z", "initialize", [initialize]),
      run("c", "2026-11-10T01:00:00.000Z", "modern", [modern, initialize]),
      run("d", "2026-11-10T01:00:00.000Z", "modern", [modern]),
      run("a", "2026-11-11T01:00:00.000Z", "initialize", [initialize]),
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("gives each day's share of runs by posture, per source, naming the sources", async () => {
    const mix = await loadProtocolMix(db, new Date("2026-11-01T00:00:00Z"));
    expect(mix.sources).toEqual(["sandbox"]);
    expect(mix.days).toEqual([
      { day: "2026-11-10", source: "sandbox", runs: 4, shares: { initialize: 0.5, dual: 0.25, modern: 0.25, unknown: 0 } },
      { day: "2026-11-11", source: "sandbox", runs: 1, shares: { initialize: 1, dual: 0, modern: 0, unknown: 0 } },
    ]);
  });

  it("never blends sources into one share", () => {
    const mix = protocolMixOf([
      { day: "2026-11-10", source: "live", posture: "modern", runs: 1 },
      { day: "2026-11-10", source: "sandbox", posture: "initialize", runs: 3 },
    ]);
    expect(mix.days.map((d) => [d.source, d.shares.modern, d.shares.initialize])).toEqual([["live", 1, 0], ["sandbox", 0, 1]]);
  });
});
