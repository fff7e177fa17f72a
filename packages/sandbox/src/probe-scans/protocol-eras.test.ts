// The fleet's protocol eras, as the real probe engine sees them: a modern-only, a dual and an initialize-only
// sandbox service each get the era and offers they serve recorded on the run, on the v2 SDK server where the
// 2026-07-28 era is served; and the reference gateway passes or mangles the mirrored Mcp-Method / Mcp-Name
// headers by profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { testEntry } from "../testing/entries";
import { callTally, probeSandbox } from "../testing/probe-sandbox";

const clock = new ControllableClock({ speed: 0 });
const quiet = { failureScale: 0, rateLimit: null, gateway: { errorRate: 0, structuredArgsMangleRate: 0 } } as const;
const entries = {
  modern: testEntry({ id: "era-modern", profile: "open-read-only", overrides: { ...quiet, protocolEras: ["modern"] } }),
  dual: testEntry({ id: "era-dual", profile: "oauth-solid", overrides: { ...quiet, protocolEras: ["initialize", "modern"] } }),
  initialize: testEntry({ id: "era-initialize", profile: "api-key-basic", overrides: { ...quiet, protocolEras: ["initialize"] } }),
  mangled: testEntry({ id: "era-mangled", profile: "oauth-solid", overrides: { ...quiet, protocolEras: ["modern"], gateway: { ...quiet.gateway, mirroredHeaders: "mangle" } } }),
  passed: testEntry({ id: "era-passed", profile: "oauth-solid", overrides: { ...quiet, protocolEras: ["modern"], gateway: { ...quiet.gateway, mirroredHeaders: "pass" } } }),
};
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: Object.values(entries), seed: 5, latencyScale: 0, hangMs: 50, clock });
});
afterAll(() => sandbox.close());

describe("protocol eras in the sandbox fleet, probed by the real engine", () => {
  it("records a modern-only service as 2026-07-28 only, and its calls succeed in that era", async () => {
    const run = await probeSandbox(sandbox, entries.modern, "direct", { clock, rounds: 2 });
    expect(run.summary.protocolEra).toBe("modern");
    expect(run.summary.protocolVersion).toBe("2026-07-28");
    expect(run.summary.eras?.map((e) => e.era)).toEqual(["modern"]);
    expect(callTally([run])).toEqual({ ok: 2 });
  });

  it("records a dual service as both eras, calling in the modern one", async () => {
    const run = await probeSandbox(sandbox, entries.dual, "direct", { clock, rounds: 2 });
    expect(run.summary.protocolEra).toBe("modern");
    expect(run.summary.eras?.map((e) => e.era)).toEqual(["modern", "initialize"]);
    expect(run.summary.eras?.[1]?.versions).toEqual(["2025-11-25"]);
    expect(callTally([run])).toEqual({ ok: 2 });
  });

  it("records an initialize-only service as the initialize era alone", async () => {
    const run = await probeSandbox(sandbox, entries.initialize, "direct", { clock, rounds: 2 });
    expect(run.summary.protocolEra).toBe("initialize");
    expect(run.summary.protocolVersion).toBe("2025-11-25");
    expect(run.summary.eras?.map((e) => e.era)).toEqual(["initialize"]);
    expect(callTally([run])).toEqual({ ok: 2 });
  });

  it("through a gateway that passes the mirrored headers, a modern-only service still answers", async () => {
    const run = await probeSandbox(sandbox, entries.passed, "gateway", { clock });
    expect(run.summary.protocolEra).toBe("modern");
    expect(callTally([run])).toEqual({ ok: 1 });
  });

  it("through a gateway that mangles them, the modern-only service refuses every request: no era is reached", async () => {
    const run = await probeSandbox(sandbox, entries.mangled, "gateway", { clock });
    expect(run.summary.protocolEra).toBeUndefined();
    expect(run.summary.eras ?? []).toEqual([]);
    const handshake = run.steps.find((s) => s.name === "initialize");
    expect(handshake).toBeDefined();
    expect(handshake?.outcome.kind).not.toBe("ok");
  });
});
