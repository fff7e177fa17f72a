import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EraOffer, ProbeRunRecord, ProtocolEra } from "@kensa/core";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import type { Database } from "../open-database";
import { recordRuns } from "../queries/record-runs";
import { syncServices } from "../queries/services";
import { readProtocolEraDaily } from "../queries/trends";

function run(serviceId: string, at: string, era: ProtocolEra | null, eras: EraOffer[], source: ProbeRunRecord["source"] = "sandbox"): ProbeRunRecord {
  return {
    id: crypto.randomUUID(), idempotencyKey: `${serviceId}:${at}:${source}`, serviceId, trigger: "schedule", source, path: "direct",
    startedAt: at, finishedAt: at, summary: { target: { transport: "streamable-http" }, ...(era ? { protocolEra: era } : {}), eras }, steps: [],
  };
}
const modern: EraOffer = { era: "modern", versions: ["2026-07-28"] };
const initialize: EraOffer = { era: "initialize", versions: ["2025-11-25"] };

describe("protocol era mix per day", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, ["a", "b", "c", "d"].map(syntheticService));
    await recordRuns(db, [
      run("a", "2026-11-10T01:00:00.000Z", "initialize", [initialize]),
      run("a", "2026-11-10T02:00:00.000Z", "initialize", [initialize]),
      run("b", "2026-11-10T01:00:00.000Z", "modern", [modern, initialize]),
      run("c", "2026-11-10T23:59:00.000Z", "modern", [modern]),
      run("d", "2026-11-10T01:00:00.000Z", null, []),
      run("a", "2026-11-11T01:00:00.000Z", "initialize", [initialize], "live"),
      run("b", "2026-11-11T01:00:00.000Z", "modern", [modern], "package"), // a package run: not counted
      run("c", "2026-11-01T01:00:00.000Z", "modern", [modern]), // before the window
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("counts runs by UTC day, source and posture (dual when both eras answered)", async () => {
    expect(await readProtocolEraDaily(db, new Date("2026-11-05T00:00:00Z"))).toEqual([
      { day: "2026-11-10", source: "sandbox", posture: "dual", runs: 1 },
      { day: "2026-11-10", source: "sandbox", posture: "initialize", runs: 2 },
      { day: "2026-11-10", source: "sandbox", posture: "modern", runs: 1 },
      { day: "2026-11-10", source: "sandbox", posture: "unknown", runs: 1 },
      { day: "2026-11-11", source: "live", posture: "initialize", runs: 1 },
    ]);
  });
});
