import { describe, expect, it } from "vitest";
import { emptyAggregate } from "@kensa/core";
import type { RollupRow } from "@kensa/db";
import { evidenceFromStored } from "../handlers/stored-evidence";

function rollup(path: "direct" | "gateway", credential: { refreshes: number; expired: number }): RollupRow {
  return {
    ...emptyAggregate(), runs: 4, calls: 10, successes: 10, latencyHistogram: { "100": 10 },
    serviceId: "s", day: "2026-11-20", path, source: "sandbox", p50Ms: 100, p95Ms: 100, p99Ms: 100,
    structuredErrors: 0, inferredErrors: 0, credentialRefreshes: credential.refreshes, credentialExpired: credential.expired,
  };
}

const window = { from: "2026-11-20T00:00:00.000Z", to: "2026-11-21T00:00:00.000Z" };

describe("evidenceFromStored (what grade.compute grades)", () => {
  it("counts token refreshes and expiries of the direct path only: behind a gateway the credential is the gateway's", () => {
    const e = evidenceFromStored({
      window, rollups: [rollup("direct", { refreshes: 2, expired: 0 }), rollup("gateway", { refreshes: 5, expired: 3 })],
      latest: { summary: { target: { transport: "streamable-http" }, credential: { mode: "oauth-refresh", expiresInSec: 3600, refreshes: 1, expiredDuringRun: 0 } }, summaryPath: "direct", checkRuns: [] },
      declared: {}, authMethod: "oauth2",
    });
    expect(e.credential).toEqual({ mode: "oauth-refresh", lifetimeSec: 3600, lifetimeSource: "observed", refreshes: 2, expiredDuringRun: 0 });
    expect(e.traffic.direct?.calls).toBe(10);
    expect(e.traffic.gateway?.calls).toBe(10);
  });

  it("ignores a gateway run's credential when no direct run is stored, and keeps the declared lifetime", () => {
    const e = evidenceFromStored({
      window, rollups: [rollup("gateway", { refreshes: 0, expired: 0 })],
      latest: { summary: { target: { transport: "streamable-http" }, credential: { mode: "static", expiresInSec: 2_592_000, refreshes: 0, expiredDuringRun: 0 } }, summaryPath: "gateway", checkRuns: [] },
      declared: {}, authMethod: "oauth2", tokenLifetime: { seconds: 86_400, source: "vendor docs" },
    });
    expect(e.credential).toEqual({ lifetimeSec: 86_400, lifetimeSource: "declared", refreshes: 0, expiredDuringRun: 0 });
  });

  it("a stored summary that no longer parses is left out, not a failed grade", () => {
    const e = evidenceFromStored({ window, rollups: [rollup("direct", { refreshes: 0, expired: 0 })], latest: { summary: { garbage: true }, summaryPath: "direct", checkRuns: [] }, declared: {}, authMethod: "oauth2" });
    expect(e.credential).toEqual({ refreshes: 0, expiredDuringRun: 0 });
  });
});
