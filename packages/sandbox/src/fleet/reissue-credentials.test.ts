// A history replayed before the fleet started (the backfill) restarts the hand-renewed tokens' schedule at its
// beginning: the 24-hour token expires inside that history and the person's renewal follows, as it would live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControllableClock } from "../clock/controllable-clock";
import { testEntry } from "../testing/entries";
import { rawCall } from "../testing/raw-call";
import { startSandbox, type Sandbox } from "./start-sandbox";

const hour = 3_600_000;
const clock = new ControllableClock({ speed: 0, start: Date.UTC(2026, 10, 20) });
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: [testEntry({ id: "daily", profile: "oauth-day-token", overrides: { failureScale: 0, rateLimit: null } })], seed: 5, latencyScale: 0, clock });
});
afterAll(() => sandbox.close());

async function statusWithStoredToken(): Promise<number | string> {
  const token = (await sandbox.secrets.get("DAILY_ACCESS_TOKEN"))!;
  const answer = await rawCall(sandbox.targetFor("daily", "direct").url, "tools/list", {}, { authorization: `Bearer ${token}` });
  return answer.kind === "http" ? answer.status : answer.kind;
}

describe("reissueCredentialsAt", () => {
  it("without it, a past instant gets the token issued at the fleet's start, which was never expired then", async () => {
    clock.set(Date.UTC(2026, 10, 6) + 24 * hour);
    expect(await statusWithStoredToken()).toBe(200);
  });

  it("from a past history start: fresh, expired at 24 h until the renewal 30 min later, then fresh again", async () => {
    const start = Date.UTC(2026, 10, 6);
    sandbox.reissueCredentialsAt(start);
    clock.set(start + 12 * hour);
    expect(await statusWithStoredToken()).toBe(200);
    clock.set(start + 24 * hour);
    expect(await statusWithStoredToken()).toBe(401);
    clock.set(start + 24.5 * hour);
    expect(await statusWithStoredToken()).toBe(200);
    clock.set(start + 48.5 * hour);
    expect(await statusWithStoredToken()).toBe(401);
    clock.set(start + 14 * 24 * hour + 7 * hour); // the schedule runs on past the history into live time
    expect(await statusWithStoredToken()).toBe(200);
  });
});
