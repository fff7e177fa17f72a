import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProbeRunRecord, ProbeStepRecord } from "@kensa/core";
import { databaseBackends, syntheticRun, syntheticService } from "@kensa/testkit";
import type { Database } from "../open-database";
import { recordRuns } from "../queries/record-runs";
import { latestEvidenceRuns } from "../queries/runs";
import { syncServices } from "../queries/services";

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 9, d, h));

function withChecks(run: ProbeRunRecord, count: number): ProbeRunRecord {
  const at = Date.parse(run.startedAt);
  const checks: ProbeStepRecord[] = Array.from({ length: count }, (_, i) => ({
    seq: run.steps.length + i,
    name: `check:auth_challenge`,
    kind: "check",
    startedAt: new Date(at + 1_000 + i).toISOString(),
    latencyMs: 1,
    outcome: { kind: "ok", httpStatus: 200 },
    check: { check: "auth_challenge", verdict: "pass", facts: {}, findings: [] },
  }));
  return { ...run, steps: [...run.steps, ...checks] };
}

describe.each(databaseBackends)("latest evidence runs on $name", (backend) => {
  let db: Database;
  const runs: ProbeRunRecord[] = [];
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    await syncServices(db, [syntheticService("gamma")]);
    // Checked runs on days 1-4 (day 4's with more check steps than one page holds), then plain traffic.
    for (const [d, n] of [[1, 2], [2, 2], [3, 3], [4, 70]] as const) runs.push(withChecks(syntheticRun({ serviceId: "gamma", startedAt: day(d), seed: d }), n));
    for (let h = 1; h < 40; h++) runs.push(syntheticRun({ serviceId: "gamma", startedAt: day(4, h % 24), seed: 100 + h, idempotencyKey: `traffic-${h}` }));
    // The newest run went through the gateway, with the gateway's own credential.
    // It ran readiness checks too, which judged the gateway's own metadata.
    const viaGateway = withChecks(syntheticRun({ serviceId: "gamma", startedAt: day(5), seed: 999, path: "gateway" }), 2);
    runs.push({ ...viaGateway, summary: { ...viaGateway.summary, credential: { mode: "static", expiresInSec: 2_592_000, refreshes: 0, expiredDuringRun: 0 } } });
    await recordRuns(db, runs);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!backend.available)("returns the check steps of the latest checked runs as of an instant, past later traffic", async () => {
    const latest = await latestEvidenceRuns(db, "gamma", day(9));
    expect(latest.checkRuns.map((r) => r.id).sort()).toEqual([runs[1]!.id, runs[2]!.id, runs[3]!.id].sort());
    expect(latest.checkRuns.find((r) => r.id === runs[3]!.id)!.steps).toHaveLength(70);
    const earlier = await latestEvidenceRuns(db, "gamma", day(3, 12));
    expect(earlier.checkRuns.map((r) => r.id).sort()).toEqual([runs[0]!.id, runs[1]!.id, runs[2]!.id].sort());
    expect((await latestEvidenceRuns(db, "gamma", day(1, 12), 5)).checkRuns.map((r) => r.id)).toEqual([runs[0]!.id]);
  });

  it.skipIf(!backend.available)("never returns a gateway run's checks: they judged the gateway, not the vendor", async () => {
    const gatewayRun = runs.find((r) => r.path === "gateway")!;
    const latest = await latestEvidenceRuns(db, "gamma", day(9), 10);
    expect(latest.checkRuns.length).toBeGreaterThan(0);
    expect(latest.checkRuns.map((r) => r.id)).not.toContain(gatewayRun.id);
  });

  it.skipIf(!backend.available)("takes the summary from the latest direct run: a gateway run's credential is the gateway's", async () => {
    const latest = await latestEvidenceRuns(db, "gamma", day(9));
    expect(latest.summaryPath).toBe("direct");
    const newestDirect = runs.filter((r) => r.path === "direct").sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1)!;
    expect(latest.summary).toEqual(newestDirect.summary);
    expect(latest.summary).not.toHaveProperty("credential");
  });
});
