// scan: `kensa scan` of one sandbox service end to end (a fresh process: start, connect, initialize,
// tools/list, one call, the readiness checks, classification, grading, the JSON report) vs the bare SDK doing
// the protocol calls in-process, and vs the MCP Inspector's CLI mode (what a vendor would otherwise use) doing
// tools/list and the same call as two processes. Overhead = wall time − the server's own busy time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCatalogue } from "@kensa/catalogue";
import { ControllableClock, startSandbox } from "@kensa/sandbox";
import { bareCalls } from "../support/bare-client";
import { compare, series, type BenchResult } from "../support/measure";
import { watchServerTime } from "../support/server-time";
import { spawnTimed, type TimedRun } from "../support/spawn-timed";

const SERVICE = "freee";
const CALL = { tool: "list_deals", arguments: { limit: 5 } };
const REPEATS = 7;
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const kensaBin = join(repoRoot, "apps/cli/bin/kensa.mjs");
const inspectorBin = join(repoRoot, "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

function ok(run: TimedRun, what: string, check: (stdout: string) => boolean): TimedRun {
  if (run.code !== 0 || !check(run.stdout)) throw new Error(`scan benchmark: ${what} failed (exit ${run.code}): ${run.stderr.slice(-1500)} ${run.stdout.slice(0, 500)}`);
  return run;
}

export async function scanBenchmark(): Promise<BenchResult> {
  const catalogue = await loadCatalogue();
  const entry = catalogue.byId.get(SERVICE);
  if (!entry) throw new Error(`scan benchmark: no catalogued service "${SERVICE}"`);
  // The simulated vendor latency stays on (scale 1): overhead is what Kensa adds beyond it.
  const sandbox = await startSandbox({ catalogue: catalogue.entries, clock: new ControllableClock(), seed: 9, latencyScale: 1 });
  const server = watchServerTime();
  // The Inspector keeps a catalogue, OAuth state and secrets under HOME: give it an empty, private one.
  const home = mkdtempSync(join(tmpdir(), "kensa-bench-inspector-"));
  const inspectorEnv = { ...process.env, HOME: home, MCP_STORAGE_DIR: join(home, "storage"), MCP_CATALOG_PATH: join(home, "mcp.json"), MCP_CLIENT_CONFIG_PATH: join(home, "client.json"), MCP_INSPECTOR_OAUTH_STATE_PATH: join(home, "oauth.json"), NO_COLOR: "1" };
  const scanEnv = { ...process.env, NO_COLOR: "1" };
  const names = { kensa: "kensa scan (one process)", inspector: "MCP Inspector CLI (tools/list + tools/call)", bare: "bare SDK in-process (connect, list, call)" };
  const wall = { kensa: series(names.kensa, "ms", "lower"), inspector: series(names.inspector, "ms", "lower"), bare: series(names.bare, "ms", "lower") };
  const overhead = { kensa: series(`${names.kensa}: overhead`, "ms", "lower"), inspector: series(`${names.inspector}: overhead`, "ms", "lower"), bare: series(`${names.bare}: overhead`, "ms", "lower") };
  const serverSeries = series("server's own time during kensa scan", "ms", "lower");
  const requests = { kensa: 0, inspector: 0, bare: 0 };
  let steps = 0;
  try {
    const url = sandbox.targetFor(SERVICE, "direct").url;
    const auth = () => Object.entries(sandbox.requestHeadersFor(SERVICE, "direct")).map(([k, v]) => `${k}: ${v}`);
    const kensa = async () => {
      const run = ok(await spawnTimed(process.execPath, [kensaBin, "scan", url, "--json", "--call", `${CALL.tool}=${JSON.stringify(CALL.arguments)}`, ...auth().flatMap((h) => ["--header", h])], { env: scanEnv, cwd: repoRoot }),
        "kensa scan", (out) => JSON.parse(out).schema === "kensa.scan/v1");
      steps = (JSON.parse(run.stdout) as { steps: unknown[] }).steps.length;
      return run.ms;
    };
    const inspector = async () => {
      const common = [inspectorBin, "--cli", url, "--transport", "http", "--format", "json", ...auth().flatMap((h) => ["--header", h])];
      const list = ok(await spawnTimed(process.execPath, [...common, "--method", "tools/list"], { env: inspectorEnv, cwd: home }), "inspector tools/list", (out) => out.includes(CALL.tool));
      const call = ok(await spawnTimed(process.execPath, [...common, "--method", "tools/call", "--tool-name", CALL.tool, "--tool-args-json", JSON.stringify(CALL.arguments)], { env: inspectorEnv, cwd: home }), "inspector tools/call", (out) => out.includes("content"));
      return list.ms + call.ms;
    };
    const bare = async () => {
      const start = performance.now();
      await bareCalls(url, sandbox.requestHeadersFor(SERVICE, "direct"), { ...entry, calls: [{ ...CALL, readOnly: true, expect: "success" }] }, 15_000);
      return performance.now() - start;
    };
    const subjects = { kensa, inspector, bare } as const;
    for (const fn of Object.values(subjects)) await fn(); // warm-up: tsx's compile cache, the OS page cache
    for (let i = 0; i < REPEATS; i++) {
      for (const name of ["kensa", "inspector", "bare"] as const) {
        server.reset();
        const ms = await subjects[name]();
        const { busyMs, requests: n } = server.read();
        wall[name].samples.push(Math.round(ms));
        overhead[name].samples.push(Math.round(ms - busyMs));
        requests[name] = n;
        if (name === "kensa") serverSeries.samples.push(Math.round(busyMs));
      }
    }
  } finally {
    server.stop();
    await sandbox.close();
    rmSync(home, { recursive: true, force: true });
  }
  return {
    name: "scan",
    description: `one sandbox service (${SERVICE}, simulated latency on) scanned end to end, cold process each time`,
    series: [wall.kensa, wall.inspector, wall.bare, serverSeries, overhead.kensa, overhead.inspector, overhead.bare],
    comparisons: [
      compare(overhead.kensa, undefined, { max: 500, describe: "< 500 ms beyond the server's own time (median)" }),
      compare(overhead.kensa, undefined, { max: 500, on: "p95", describe: "< 500 ms beyond the server's own time (p95)" }),
      compare(wall.kensa, wall.inspector),
      compare(wall.kensa, wall.bare),
    ],
    notes: [
      `kensa scan: ${steps} steps (connect, initialize, tools/list, 1 call, readiness checks), ${requests.kensa} HTTP requests; Inspector: ${requests.inspector} requests over 2 processes; bare SDK: ${requests.bare} requests, no process start`,
      "both CLIs run as `node <bin>` (npx adds the same ~0.3 s to either); the Inspector's HOME, catalogue and OAuth state point at an empty temporary folder and it is given only the loopback URL",
      `overhead = wall time − the sandbox's busy time (union of its request intervals); ${REPEATS} runs each after one warm-up, interleaved`,
    ],
    facts: { requests, steps },
  };
}
