// Our own tiny stdio servers, run as real child processes through the real probe: the isolation they get
// and what each misbehaviour becomes — a classified result within its bounds, never a hang or a crash.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyRun } from "@kensa/core";
import { waitUntil } from "@kensa/testkit";
import { runProbe } from "../index";
import type { ProbeOptions } from "../types";
import { call, probeOptions, stepNamed } from "./fixtures/probe-options";

const server = fileURLToPath(new URL("./fixtures/isolation-stdio-server.mjs", import.meta.url));
const stdio = (mode: string, extra: Partial<Extract<ProbeOptions["target"], { kind: "stdio" }>> = {}, overrides: Partial<ProbeOptions> = {}) =>
  runProbe({
    ...probeOptions("http://unused"),
    target: { kind: "stdio", command: process.execPath, args: [server, mode], ...extra },
    checks: "none",
    limits: { requestTimeoutMs: 3_000, connectTimeoutMs: 3_000, deadlineMs: 20_000 },
    ...overrides,
  });
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8")); // a zombie has already ended
  } catch {
    return false;
  }
};
const classified = (result: Awaited<ReturnType<typeof runProbe>>) => classifyRun({ ...result, path: "direct" as const });

describe("a stdio server that exits at start asking for configuration", () => {
  it("is config_missing, fault client, with its stderr as evidence", async () => {
    const result = await stdio("config");
    const init = stepNamed(classified(result).steps, "initialize");
    expect(init.outcome).toMatchObject({ kind: "process-exit", phase: "start", exitCode: 1, signal: null });
    expect(init.outcome.kind === "process-exit" && init.outcome.stderr).toContain("Please set EXAMPLE_API_KEY");
    expect(init.classification).toMatchObject({ errorClass: "config_missing", fault: "client" });
    expect(init.excerpt).toContain("Please set EXAMPLE_API_KEY");
    expect(result.summary.stdio).toMatchObject({ ended: "itself", exitCode: 1, env: [] });
    expect(result.summary.stdio?.stderr).toContain("Please set EXAMPLE_API_KEY");
  });

  it("answers initialize and tools/list once given the variable, and the value never becomes evidence", async () => {
    const secret = "sk-planted-9f8e7d6c";
    const result = await stdio("config", { env: { EXAMPLE_API_KEY: secret } });
    expect(stepNamed(result.steps, "initialize").outcome.kind).toBe("ok");
    expect(stepNamed(result.steps, "tools/list").outcome.kind).toBe("ok");
    expect(result.summary.stdio).toMatchObject({ env: ["EXAMPLE_API_KEY"], ended: "stdin-close" });
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe("a stdio server that answers well", () => {
  let listener: Server;
  let port: number;
  beforeAll(async () => {
    listener = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => listener.close());

  const inspect = async (extra: Partial<Extract<ProbeOptions["target"], { kind: "stdio" }>> = {}) => {
    process.env.KENSA_PARENT_ONLY = "parent-secret-value";
    try {
      const result = await stdio("well", extra, { calls: [call("inspect", { port })] });
      const outcome = stepNamed(result.steps, "tools/call:inspect").outcome;
      if (outcome.kind !== "tool-error") throw new Error(`inspect answered ${outcome.kind}`);
      return { result, seen: JSON.parse(outcome.text) as { keys: string[]; home: string; tmpdir: string; cwd: string; nodeOptions: string; homeExists: boolean; loopback: string } };
    } finally {
      delete process.env.KENSA_PARENT_ONLY;
    }
  };

  it("gets an empty environment but PATH, the given variables and its own folders, removed afterwards", async () => {
    const { result, seen } = await inspect({ env: { GIVEN_SETTING: "on" } });
    expect(seen.keys).toEqual(["GIVEN_SETTING", "HOME", "NODE_OPTIONS", "PATH", "TEMP", "TMP", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_STATE_HOME"]);
    expect(seen.home.startsWith(`${tmpdir()}/kensa-stdio-`)).toBe(true);
    expect(seen.homeExists).toBe(true);
    expect(seen.cwd).toBe(seen.home.replace(/home$/, "work"));
    expect(seen.cwd.startsWith(process.cwd())).toBe(false);
    expect(seen.tmpdir.startsWith(seen.home.replace(/home$/, ""))).toBe(true);
    expect(seen.nodeOptions).toBe("--max-old-space-size=1024");
    expect(existsSync(seen.home)).toBe(false); // the run's folder is gone, with what the server wrote in it
    expect(result.summary.stdio).toMatchObject({ env: ["GIVEN_SETTING"], ended: "stdin-close", nonProtocolStdoutBytes: 0 });
    expect(result.summary.stdio!.setupMs).toBeLessThan(1_000);
  });

  it("has its network cut where the machine allows, and the evidence says which", async () => {
    const { result, seen } = await inspect();
    const network = result.summary.stdio!.network;
    if (network === "cut") expect(seen.loopback).toBe("ENETUNREACH");
    else {
      expect(network).toMatch(/^not cut: /);
      expect(seen.loopback).toBe("connected");
    }
    if (process.platform === "linux" && process.getuid?.() === 0) expect(network).toBe("cut"); // root on Linux: unshare -n works
  });

  it("keeps its network when the caller asks", async () => {
    const { result, seen } = await inspect({ network: "keep" });
    expect(result.summary.stdio!.network).toBe("not cut: the caller kept it (--allow-network)");
    expect(seen.loopback).toBe("connected");
  });
});

describe("a stdio server that misbehaves", () => {
  it("flooding stdout with non-protocol output is stopped at the bound and is the vendor's protocol error", async () => {
    const started = performance.now();
    const result = await stdio("pollute", {}, { limits: { requestTimeoutMs: 10_000, deadlineMs: 20_000, stdioNonProtocolBytes: 256 * 1024 } });
    const init = stepNamed(classified(result).steps, "initialize");
    expect(init.classification).toMatchObject({ errorClass: "protocol_error", fault: "vendor" });
    expect(result.summary.stdio).toMatchObject({ ended: "bound" });
    expect(result.summary.stdio!.nonProtocolStdoutBytes).toBeGreaterThan(256 * 1024);
    expect(performance.now() - started).toBeLessThan(8_000);
  });

  it("hanging and ignoring stdin closing and SIGTERM ends in a timeout; its whole process group is killed", async () => {
    const started = performance.now();
    const result = await stdio("hang", {}, { limits: { requestTimeoutMs: 1_000, connectTimeoutMs: 1_000, deadlineMs: 20_000 } });
    const init = stepNamed(classified(result).steps, "initialize");
    expect(init.classification).toMatchObject({ errorClass: "timeout", fault: "vendor" });
    expect(result.summary.stdio).toMatchObject({ ended: "SIGKILL", signal: "SIGKILL" });
    const helper = Number(/helper pid (\d+)/.exec(result.summary.stdio!.stderr ?? "")?.[1]);
    expect(helper).toBeGreaterThan(0);
    // SIGKILL went to the group: the helper (re-parented and reaped) disappears without anyone closing it.
    await waitUntil(async () => !alive(helper), 3_000, `helper ${helper} gone`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("a whole-probe deadline ends a server that never answers", async () => {
    const started = performance.now();
    const result = await stdio("hang", {}, { limits: { requestTimeoutMs: 60_000, connectTimeoutMs: 1_000, deadlineMs: 1_500 } });
    expect(stepNamed(result.steps, "initialize").outcome).toMatchObject({ kind: "timeout", phase: "deadline" });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
