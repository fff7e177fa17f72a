// The seed's stories told by the sandbox alone (SDK-level wire checks; the probe engine repeats them with
// classification and scoring once it lands).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, type Catalogue } from "@kensa/catalogue";
import { ControllableClock } from "./clock/controllable-clock";
import { startSandbox, type Sandbox } from "./fleet/start-sandbox";
import { credentialHeaders } from "./testing/credential-headers";
import { outcomeOf, rawCall } from "./testing/raw-call";
import { seedStories } from "./testing/seed-stories";

let catalogue: Catalogue;
let sandbox: Sandbox;
const clock = new ControllableClock({ speed: 0 });
beforeAll(async () => {
  catalogue = await loadCatalogue();
  const entries = catalogue.entries.filter((e) => e.id === "freee" || e.id === "slack");
  sandbox = await startSandbox({ catalogue: entries, seed: 2026, latencyScale: 0, hangMs: 5_000, clock });
});
afterAll(() => sandbox.close());

function tally(outcomes: string[]) {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

describe("the seed's stories", () => {
  it("freee: 24-hour tokens expire mid-batch → 4 auth_expired, ~90% success over 212 calls", async () => {
    const story = seedStories.freee;
    const entry = catalogue.byId.get("freee")!;
    const target = sandbox.targetFor("freee", "direct");
    const outcomes: string[] = [];
    for (let round = 0; round < story.rounds; round++) {
      const headers = await credentialHeaders(target.credential, sandbox.secrets); // each run reads the secret store
      for (const call of entry.calls) outcomes.push(outcomeOf(await rawCall(target.url, "tools/call", { name: call.tool, arguments: call.arguments }, headers, 1_000)));
      clock.advance(story.roundEveryMs);
    }
    const counts = tally(outcomes);
    expect(outcomes).toHaveLength(story.calls);
    expect(counts.auth_expired).toBe(story.seedAuthExpired);
    const success = (counts.ok ?? 0) / story.calls;
    expect(success).toBeGreaterThan(0.85);
    expect(success).toBeLessThan(0.95);
    expect(story.calls - (counts.ok ?? 0)).toBeGreaterThanOrEqual(story.seedErrors - 8);
    expect(story.calls - (counts.ok ?? 0)).toBeLessThanOrEqual(story.seedErrors + 8);
  });

  it("Slack: ~91% over 113 calls behind a gateway, errors mostly invalid_input from structured blocks; direct is cleaner", async () => {
    // One batch of 113 calls is noisy (±3 errors), so the story is checked over six seeded fleets.
    const story = seedStories.slack;
    const entries = catalogue.entries.filter((e) => e.id === "slack");
    const entry = entries[0]!;
    const totals = { gateway: {} as Record<string, number>, direct: {} as Record<string, number> };
    const seeds = 6;
    for (let seed = 1; seed <= seeds; seed++) {
      const fleetClock = new ControllableClock({ speed: 0 });
      const fleet = await startSandbox({ catalogue: entries, seed, latencyScale: 0, hangMs: 5_000, clock: fleetClock });
      for (const path of ["gateway", "direct"] as const) {
        const target = fleet.targetFor("slack", path);
        for (let i = 0; i < story.calls; i++) {
          const call = entry.calls[i % entry.calls.length]!;
          const headers = await credentialHeaders(target.credential, fleet.secrets);
          const outcome = outcomeOf(await rawCall(target.url, "tools/call", { name: call.tool, arguments: call.arguments }, headers, 1_000));
          totals[path][outcome] = (totals[path][outcome] ?? 0) + 1;
          if (i % entry.calls.length === entry.calls.length - 1) fleetClock.advance(story.roundEveryMs);
        }
      }
      await fleet.close();
    }
    const calls = story.calls * seeds;
    const gatewaySuccess = (totals.gateway.ok ?? 0) / calls;
    expect(gatewaySuccess).toBeGreaterThan(story.seedSuccessRate - 0.035);
    expect(gatewaySuccess).toBeLessThan(story.seedSuccessRate + 0.035);
    const gatewayErrors = calls - (totals.gateway.ok ?? 0);
    expect(totals.gateway.invalid_input ?? 0).toBeGreaterThan(gatewayErrors / 2);
    expect((totals.direct.ok ?? 0) / calls).toBeGreaterThan(gatewaySuccess + 0.03);
    expect(totals.direct.invalid_input ?? 0).toBeLessThan((totals.gateway.invalid_input ?? 0) / 5);
  });
});
