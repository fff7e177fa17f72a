// The prober against real v2-SDK servers of each era posture: it finds which eras each offers (server/discover
// first, initialize as the fallback, both recorded when both answer), makes its calls in the newest one, and
// records era and version in the run summary.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProbe } from "../run-probe";
import { startEraServer, type EraPosture, type EraServer } from "./fixtures/era-servers";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

const servers = {} as Record<EraPosture, EraServer>;
beforeAll(async () => {
  for (const posture of ["modern", "dual", "initialize"] as const) servers[posture] = await startEraServer(posture);
});
afterAll(async () => {
  for (const server of Object.values(servers)) await server.close();
});

async function probe(posture: EraPosture) {
  const server = servers[posture];
  server.methods.length = 0;
  const result = await runProbe(probeOptions(server.url, { calls: [call("echo", { text: "hi" })], checks: "none" }));
  for (const name of ["connect", "initialize", "tools/list", "tools/call:echo"]) expect(stepNamed(result.steps, name).outcome.kind, name).toBe("ok");
  expect(result.summary.tools?.names).toEqual(["echo"]);
  return { result, methods: [...server.methods] };
}

describe("protocol eras, against v2 SDK servers", () => {
  it("a modern-only server: the modern era, its version, and initialize not offered", async () => {
    const { result, methods } = await probe("modern");
    expect(result.summary).toMatchObject({ protocolEra: "modern", protocolVersion: "2026-07-28", eras: [{ era: "modern", versions: expect.arrayContaining(["2026-07-28"]) }] });
    expect(result.summary.eras).toHaveLength(1);
    expect(result.summary.serverInfo).toEqual({ name: "era-fixture", version: "2.4.0" });
    // The calls went out in the modern era: no initialize handshake before them.
    expect(methods.slice(0, 1)).toEqual(["server/discover"]);
    expect(methods.filter((m) => m === "tools/call")).toHaveLength(1);
  });

  it("a dual server: both eras recorded, the calls made in the modern one", async () => {
    const { result, methods } = await probe("dual");
    expect(result.summary.protocolEra).toBe("modern");
    expect(result.summary.protocolVersion).toBe("2026-07-28");
    expect(result.summary.eras?.map((e) => e.era)).toEqual(["modern", "initialize"]);
    expect(result.summary.eras?.[1]?.versions).toEqual([expect.stringMatching(/^2025-/)]);
    expect(methods[0]).toBe("server/discover");
    expect(methods).toContain("initialize");
  });

  it("an initialize-only server: the initialize era and the version it chose", async () => {
    const { result, methods } = await probe("initialize");
    expect(result.summary).toMatchObject({ protocolEra: "initialize", protocolVersion: "2025-11-25", eras: [{ era: "initialize", versions: ["2025-11-25"] }] });
    expect(methods.slice(0, 3)).toEqual(["server/discover", "initialize", "notifications/initialized"]);
  });
});

// What a probe with every readiness check costs the server, by method: the handshake's server/discover is the
// era checks' answer too (no second one), the dual server's initialize era is learnt with one bare initialize,
// and tools_order adds one tools/list to the run's own in the initialize era.
describe("request economy of a full probe (readiness checks on)", () => {
  async function withChecks(posture: EraPosture) {
    const server = servers[posture];
    server.methods.length = 0;
    const result = await runProbe(probeOptions(server.url, { calls: [call("echo", { text: "hi" })], checks: "all" }));
    const count = (method: string) => server.methods.filter((m) => m === method).length;
    return { result, count };
  }

  it("an initialize-only server: one server/discover, the era checks still told the era", async () => {
    const { result, count } = await withChecks("initialize");
    expect(count("server/discover")).toBe(1);
    expect(count("tools/list")).toBe(2);
    const era = stepNamed(result.steps, "check:header_mirroring").check;
    expect(era?.verdict).toBe("not_applicable");
    expect(era?.findings[0]?.message).toMatch(/initialize era only \(server\/discover was answered 400\)/);
    expect(stepNamed(result.steps, "check:tools_order").check?.verdict).toBe("not_applicable"); // one tool: nothing to order
  });

  it("a dual server: one server/discover, and one initialize (no initialized notification) learns the older era", async () => {
    const { result, count } = await withChecks("dual");
    expect(result.summary.eras?.map((e) => e.era)).toEqual(["modern", "initialize"]);
    expect(count("server/discover")).toBe(1);
    expect(count("notifications/initialized")).toBe(0);
    expect(stepNamed(result.steps, "check:cache_hints").check?.verdict).not.toBe("not_applicable");
  });
});

describe("protocol eras over stdio (initialize first, server/discover when refused)", () => {
  const script = fileURLToPath(new URL("./fixtures/era-stdio-server.mjs", import.meta.url));
  const stdio = (mode: string) => probeOptions("http://unused", { target: { kind: "stdio", command: process.execPath, args: [script, mode] }, calls: [call("ping")], checks: "none", limits: { requestTimeoutMs: 5_000, deadlineMs: 20_000 } });

  it("a modern-only stdio server: initialize refused, then the modern era on the same process", async () => {
    const result = await runProbe(stdio("modern"));
    for (const name of ["connect", "initialize", "tools/list", "tools/call:ping"]) expect(stepNamed(result.steps, name).outcome.kind, name).toBe("ok");
    expect(result.summary).toMatchObject({ protocolEra: "modern", protocolVersion: "2026-07-28", eras: [{ era: "modern" }] });
  });

  it("a dual stdio server is spoken to in the initialize era (no discover probe before initialize)", async () => {
    const result = await runProbe(stdio("dual"));
    expect(stepNamed(result.steps, "tools/call:ping").outcome.kind).toBe("ok");
    expect(result.summary).toMatchObject({ protocolEra: "initialize", eras: [{ era: "initialize" }] });
  });
});
