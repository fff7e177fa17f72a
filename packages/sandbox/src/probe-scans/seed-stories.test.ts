// The seed's stories, end to end: the sandbox simulates, the probe engine measures, the classifier and the
// v1 methodology grade — and out come freee at AA with its 4 auth_expired, Slack at AAA with invalid_input
// that grows behind the gateway and is not held against Slack.
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { evidenceFromRuns, gradeService, type CatalogueEntry, type ProbeRunRecord } from "@kensa/core";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox } from "../fleet/start-sandbox";
import { callTally, probeSandbox } from "../testing/probe-sandbox";
import { seedStories } from "../testing/seed-stories";

const seeds = [1, 2, 3];
const catalogue = await loadCatalogue();
const grade = (runs: ProbeRunRecord[], entry: CatalogueEntry) =>
  gradeService(evidenceFromRuns(runs, { authMethod: entry.authMethod, declared: entry.facts, ...(entry.tokenLifetime ? { tokenLifetime: entry.tokenLifetime } : {}) }));

describe("the seed's stories through the probe engine and the methodology", () => {
  it.each(seeds)("freee (seed %i): an overnight batch of 212 calls outlives its 24-hour token → 4 auth_expired, ~90%, AA", async (seed) => {
    const entry = catalogue.byId.get("freee")!;
    const clock = new ControllableClock({ speed: 0, start: Date.UTC(2026, 3, 15, 18) });
    let batch = false;
    // Each call of the batch is ~7 minutes of work: 212 calls run just past the token's 24 hours.
    const sandbox = await startSandbox({
      catalogue: [entry], seed, latencyScale: 0, hangMs: 5_000, clock,
      onExchange: (x) => batch && x.phase === "response" && x.rpcMethod === "tools/call" && clock.advance(seedStories.freee.batchCallEveryMs),
    });
    try {
      const checks = await probeSandbox(sandbox, entry, "direct", { clock, checks: true }); // the readiness checks, before the night
      batch = true;
      const run = await probeSandbox(sandbox, entry, "direct", { clock, rounds: seedStories.freee.rounds, checks: false });
      batch = false;
      const tally = callTally([run]);
      const calls = Object.values(tally).reduce((a, b) => a + b, 0);
      expect(calls).toBe(seedStories.freee.calls);
      expect(tally.auth_expired).toBe(seedStories.freee.seedAuthExpired);
      expect(run.steps.filter((s) => s.classification?.errorClass === "auth_expired").every((s) => s.classification!.confidence === "code")).toBe(true);
      expect((tally.ok ?? 0) / calls).toBeGreaterThan(0.85);
      expect((tally.ok ?? 0) / calls).toBeLessThan(0.95);
      const report = grade([run, checks], entry);
      expect(report.grade).toBe("AA");
      expect(report.caps.map((c) => c.id)).toContain("cap.tokens_expire_mid_run");
    } finally {
      await sandbox.close();
    }
  });

  it("Slack: ~91% over 113 calls behind the gateway, mostly invalid_input blamed on the intermediary, AAA", async () => {
    const entry = catalogue.byId.get("slack")!;
    const gatewayTotals: Record<string, number> = {};
    const directTotals: Record<string, number> = {};
    for (const seed of seeds) {
      const clock = new ControllableClock({ speed: 0, start: Date.UTC(2026, 3, 1) });
      const sandbox = await startSandbox({ catalogue: [entry], seed, latencyScale: 0, hangMs: 5_000, clock });
      try {
        const runs: ProbeRunRecord[] = [];
        for (let i = 0; i < 20; i++, clock.advance(seedStories.slack.roundEveryMs)) runs.push(await probeSandbox(sandbox, entry, "direct", { clock, checks: i === 19 }));
        for (let i = 0; i < 38; i++, clock.advance(seedStories.slack.roundEveryMs)) runs.push(await probeSandbox(sandbox, entry, "gateway", { clock }));
        for (const [k, v] of Object.entries(callTally(runs.filter((r) => r.path === "gateway")))) gatewayTotals[k] = (gatewayTotals[k] ?? 0) + v;
        for (const [k, v] of Object.entries(callTally(runs.filter((r) => r.path === "direct")))) directTotals[k] = (directTotals[k] ?? 0) + v;
        const invalid = runs.flatMap((run) => run.steps).filter((s) => s.classification?.errorClass === "invalid_input");
        expect(invalid.every((s) => s.classification!.fault !== "vendor")).toBe(true);
        expect(grade(runs, entry).grade).toBe("AAA");
      } finally {
        await sandbox.close();
      }
    }
    const gatewayCalls = Object.values(gatewayTotals).reduce((a, b) => a + b, 0);
    const directCalls = Object.values(directTotals).reduce((a, b) => a + b, 0);
    const gatewaySuccess = (gatewayTotals.ok ?? 0) / gatewayCalls;
    expect(gatewaySuccess).toBeGreaterThan(seedStories.slack.seedSuccessRate - 0.035);
    expect(gatewaySuccess).toBeLessThan(seedStories.slack.seedSuccessRate + 0.035);
    expect(gatewayTotals.invalid_input ?? 0).toBeGreaterThan((gatewayCalls - (gatewayTotals.ok ?? 0)) / 2);
    expect((directTotals.ok ?? 0) / directCalls).toBeGreaterThan(gatewaySuccess);
  });
});
