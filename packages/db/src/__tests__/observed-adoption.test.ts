import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckVerdict, ProbeRunRecord } from "@kensa/core";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import type { Database } from "../open-database";
import { recordRuns } from "../queries/record-runs";
import { syncServices } from "../queries/services";
import { readObservedAuthAdoption } from "../queries/trends";

function runWithCheck(serviceId: string, at: string, verdict: CheckVerdict, idJag: boolean, facts: Record<string, unknown> = {}): ProbeRunRecord {
  return {
    id: crypto.randomUUID(), idempotencyKey: `${serviceId}:${at}`, serviceId, trigger: "schedule", source: "sandbox", path: "direct",
    startedAt: at, finishedAt: at, summary: { target: { transport: "streamable-http" } },
    steps: [{ seq: 0, name: "check:authorization_server", kind: "check", startedAt: at, latencyMs: 3, outcome: { kind: "ok", httpStatus: 200 },
      check: { check: "authorization_server", verdict, findings: [], facts: { idJag, ...facts } } }],
  };
}

describe("observed auth adoption", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestPgliteDatabase();
    await syncServices(db, ["a", "b", "c", "d", "e"].map(syntheticService));
    await recordRuns(db, [
      runWithCheck("a", "2026-11-01T00:00:00.000Z", "not_applicable", false),
      runWithCheck("a", "2026-11-10T00:00:00.000Z", "pass", true), // latest wins: an OAuth server with ID-JAG
      runWithCheck("b", "2026-11-10T00:00:00.000Z", "fail", false), // found, but flawed: still OAuth
      runWithCheck("c", "2026-11-10T00:00:00.000Z", "not_applicable", false), // API key or no auth
      runWithCheck("d", "2026-10-01T00:00:00.000Z", "pass", true), // before the window
      runWithCheck("e", "2026-11-10T00:00:00.000Z", "fail", false, { found: false }), // demands auth, names no authorization server (API key)
    ]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("counts each service's latest authorization-server check in the window", async () => {
    expect(await readObservedAuthAdoption(db, new Date("2026-11-01T00:00:00Z"))).toEqual({ checked: 4, oauth: 2, idJag: 1, sources: ["sandbox"] });
  });
});
