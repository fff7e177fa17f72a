// Every behaviour profile, scanned by the real probe engine and classifier, shows what it was made to show:
// its readiness-check verdicts, its error mix within statistical tolerance, its gateway behaviour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { protocolErasOf, SandboxProfileName, sandboxProfileOf, type CatalogueEntry } from "@kensa/core";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { profileIntent } from "../profile-intent";
import { testEntry } from "../testing/entries";
import { callTally, probeSandbox, withinBinomial } from "../testing/probe-sandbox";

const clock = new ControllableClock({ speed: 0 });
const representatives = new Map<string, CatalogueEntry>();
/** The same services with their call failures off, for the check verdicts: header_mirroring sends a tools/call,
 * and an injected timeout on it would say nothing about the metadata. Same ids (so the same eras), own fleet. */
const checkTwins = new Map<string, CatalogueEntry>();
const mixed = testEntry({
  id: "every-class",
  profile: "oauth-solid",
  overrides: {
    failures: { auth_invalid: 0.05, auth_forbidden: 0.05, invalid_input: 0.05, not_found: 0.05, rate_limited: 0.05, timeout: 0.02, server_error: 0.05, protocol_error: 0.05, network_error: 0.05 },
    rateLimit: null,
  },
});
let sandbox: Sandbox;
let twinSandbox: Sandbox;

beforeAll(async () => {
  const catalogue = await loadCatalogue();
  for (const entry of catalogue.entries) if (!representatives.has(entry.sandbox.profile)) representatives.set(entry.sandbox.profile, entry);
  for (const [name, entry] of representatives) {
    const protocolEras = protocolErasOf(entry.id, sandboxProfileOf(entry));
    checkTwins.set(name, { ...entry, sandbox: { ...entry.sandbox, overrides: { ...entry.sandbox.overrides, failureScale: 0, protocolEras } } });
  }
  sandbox = await startSandbox({ catalogue: [...representatives.values(), mixed], seed: 31, latencyScale: 0, hangMs: 5_000, clock });
  twinSandbox = await startSandbox({ catalogue: [...checkTwins.values()], seed: 31, latencyScale: 0, hangMs: 5_000, clock });
});
afterAll(async () => {
  await sandbox.close();
  await twinSandbox.close();
});

describe.each(SandboxProfileName.options)("profile %s, scanned by the probe engine", (profileName) => {
  it("gives the readiness-check verdicts its metadata was made for", async () => {
    const entry = checkTwins.get(profileName)!;
    const run = await probeSandbox(twinSandbox, entry, "direct", { clock, checks: true });
    const verdicts = Object.fromEntries(run.steps.filter((s) => s.kind === "check").map((s) => [s.check!.check, s.check!.verdict]));
    const profile = sandboxProfileOf(entry);
    expect(verdicts).toEqual(profileIntent(profile, protocolErasOf(entry.id, profile)).checks);
  });

  it("fails its calls at the profile's rates, class by class, within statistical tolerance", async () => {
    const entry = representatives.get(profileName)!;
    const intent = profileIntent(sandboxProfileOf(entry));
    const runs = [];
    for (let i = 0; i < 20; i++) {
      // ~12 calls a run keeps even the strictest limit (30 requests a minute) out of the way
      runs.push(await probeSandbox(sandbox, entry, "direct", { clock, rounds: Math.ceil(12 / entry.calls.length) }));
      clock.advance(61_000); // a fresh rate-limit window, as a schedule would give
    }
    const tally = callTally(runs);
    const n = Object.values(tally).reduce((a, b) => a + b, 0);
    expect(n).toBeGreaterThanOrEqual(240);
    for (const [cls, rate] of Object.entries(intent.callErrorRates)) expect(withinBinomial(tally[cls] ?? 0, n, rate!), `${cls}: ${tally[cls] ?? 0} of ${n}`).toBe(true);
    expect(withinBinomial(n - (tally.ok ?? 0), n, intent.callFailureRate), JSON.stringify(tally)).toBe(true);
    const unexpected = Object.keys(tally).filter((k) => k !== "ok" && !(k in intent.callErrorRates));
    expect(unexpected, JSON.stringify(tally)).toEqual([]);
  });
});

describe("the probe engine's view of the fleet", () => {
  it("classifies every injected failure as the class it simulates", async () => {
    const intent = profileIntent(sandboxProfileOf(mixed));
    const runs = [];
    for (let i = 0; i < 40; i++) runs.push(await probeSandbox(sandbox, mixed, "direct", { clock, rounds: 10 }));
    const tally = callTally(runs);
    const n = Object.values(tally).reduce((a, b) => a + b, 0);
    expect(n).toBe(400);
    for (const [cls, rate] of Object.entries(intent.callErrorRates)) expect(withinBinomial(tally[cls] ?? 0, n, rate!), `${cls}: ${JSON.stringify(tally)}`).toBe(true);
  });

  it("sees the gateway profiles: the caller's scope honoured, ignored, or every request refused", async () => {
    const through = async (profile: string) => probeSandbox(sandbox, representatives.get(profile)!, "gateway", { clock });
    const verified = await through("oauth-standard");
    expect(verified.summary.tools?.writeTools).toBe(0);
    const direct = await probeSandbox(sandbox, representatives.get("gateway-overprivileged")!, "direct", { clock });
    const ignored = await through("gateway-overprivileged");
    expect(ignored.summary.tools?.writeTools).toBe(direct.summary.tools?.writeTools);
    expect(ignored.summary.tools?.writeTools).toBeGreaterThan(0);
    const refused = await through("gateway-blocked");
    const initialize = refused.steps.find((s) => s.name === "initialize")!;
    expect(initialize.classification?.errorClass).toBe("auth_forbidden");
  });

  it("refreshes OAuth tokens that expire during a long run, and records auth_expired where nothing can refresh", async () => {
    const advancing = new ControllableClock({ speed: 0 });
    const exemplary = representatives.get("oauth-exemplary")!;
    const daily = representatives.get("oauth-day-token")!;
    const quiet = (e: CatalogueEntry) => ({ ...e, sandbox: { ...e.sandbox, overrides: { ...e.sandbox.overrides, failureScale: 0 } } });
    const fleet = await startSandbox({
      catalogue: [quiet(exemplary), quiet(daily)],
      latencyScale: 0,
      clock: advancing,
      onExchange: (x) => x.phase === "response" && x.rpcMethod === "tools/call" && advancing.advance(x.serviceId === exemplary.id ? 10 * 60_000 : 2 * 3_600_000),
    });
    try {
      const refreshed = await probeSandbox(fleet, exemplary, "direct", { clock: advancing, rounds: 6 }); // ~2 h of calls, 30-minute tokens
      expect(callTally([refreshed])).toEqual({ ok: refreshed.steps.filter((s) => s.kind === "call").length });
      expect(refreshed.summary.credential?.refreshes).toBeGreaterThanOrEqual(1);
      const expired = await probeSandbox(fleet, daily, "direct", { clock: advancing, rounds: 4 }); // 32 h of calls, one 24-hour token
      const tally = callTally([expired]);
      expect(tally.auth_expired).toBeGreaterThanOrEqual(3);
      expect(expired.steps.filter((s) => s.classification?.errorClass === "auth_expired").every((s) => s.classification?.confidence === "code")).toBe(true);
    } finally {
      await fleet.close();
    }
  });

  it("is deterministic under a fixed seed", async () => {
    const entry = representatives.get("api-key-flaky")!;
    const sequence = async () => {
      const c = new ControllableClock({ speed: 0, start: Date.UTC(2026, 3, 1) });
      const fleet = await startSandbox({ catalogue: [entry], seed: 77, latencyScale: 0, hangMs: 5_000, clock: c });
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const run = await probeSandbox(fleet, entry, "direct", { clock: c, rounds: 5 });
        out.push(...run.steps.filter((s) => s.kind === "call").map((s) => s.classification?.errorClass ?? "ok"));
        c.advance(61_000);
      }
      await fleet.close();
      return out;
    };
    const first = await sequence();
    expect(await sequence()).toEqual(first);
  });
});
