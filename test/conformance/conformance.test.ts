// The official MCP conformance suite (@modelcontextprotocol/conformance, pinned) runs its client scenarios
// against `kensa scan` (scan-client.mjs) on both wires: the initialize era (2025-11-25) and the modern one
// (2026-07-28). Every scenario the suite lists for a wire runs; it must pass unless expected-failures.txt
// names it with a reason — and an expected failure that starts passing fails the test too (a stale baseline).
// Each scenario is bounded: the suite's own timeout for the client, and a kill of the whole run beyond it.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const suite = createRequire(import.meta.url).resolve("@modelcontextprotocol/conformance/dist/index.js");
const root = fileURLToPath(new URL("../../", import.meta.url));
const wires = ["2025-11-25", "2026-07-28"] as const;
/** The scenarios issue 14 names: they must pass, never be listed as expected failures. */
const required: Record<(typeof wires)[number], string[]> = {
  "2025-11-25": ["initialize", "sse-retry", "tools_call"],
  "2026-07-28": ["request-metadata", "http-standard-headers", "http-custom-headers", "http-invalid-tool-headers", "tools_call"],
};
const CLIENT_TIMEOUT_MS = 30_000;
const RUN_BOUND_MS = CLIENT_TIMEOUT_MS + 20_000;

function conformance(args: string[], timeout: number): Promise<{ code: number; out: string }> {
  // Node 20 lacks fs.globSync, which the suite imports: register-fs-globsync.mjs gives it one.
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", here("./register-fs-globsync.mjs"), suite, ...args], { cwd: root, timeout, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, out: `${stdout}\n${stderr}` });
    });
  });
}

/** "<wire> <scenario>  # why" per line; a line without a reason is an error. */
function expectedFailures(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [n, line] of readFileSync(here("./expected-failures.txt"), "utf8").split("\n").entries()) {
    if (!line.trim() || line.startsWith("#")) continue;
    const match = /^(\S+)\s+(\S+)\s+#\s*(\S.*)$/.exec(line);
    if (!match) throw new Error(`expected-failures.txt line ${n + 1} has no "# reason": ${line}`);
    map.set(`${match[1]} ${match[2]}`, match[3]!);
  }
  return map;
}

const scenarios = new Map<string, string[]>();
for (const wire of wires) {
  // Listing is cheap and offline; it is read at collection time so each scenario is a test of its own.
  const listed = execFileSync(process.execPath, ["--import", here("./register-fs-globsync.mjs"), suite, "list", "--client", "--spec-version", wire], { cwd: root, encoding: "utf8" });
  scenarios.set(wire, [...listed.matchAll(/^\s+- (\S+)/gm)].map((m) => m[1]!));
}
const expected = expectedFailures();

describe("MCP conformance suite, client scenarios, against kensa scan", () => {
  it("lists the required scenarios on their wires, none of them as an expected failure", () => {
    for (const wire of wires) {
      expect(scenarios.get(wire)).toEqual(expect.arrayContaining(required[wire]));
      for (const name of required[wire]) expect(expected.has(`${wire} ${name}`), `${wire} ${name}`).toBe(false);
    }
    for (const key of expected.keys()) {
      const [wire, name] = key.split(" ");
      expect(scenarios.get(wire!), `${key} is not a scenario of that wire`).toContain(name);
    }
  });

  for (const wire of wires) {
    describe.concurrent(`wire ${wire}`, () => {
      for (const name of scenarios.get(wire) ?? []) {
        const why = expected.get(`${wire} ${name}`);
        it(`${name}${why ? " (expected to fail)" : ""}`, { timeout: RUN_BOUND_MS + 5_000 }, async () => {
          const { code, out } = await conformance(
            ["client", "--command", `node ${here("./scan-client.mjs")}`, "--scenario", name, "--spec-version", wire, "--timeout", String(CLIENT_TIMEOUT_MS)],
            RUN_BOUND_MS,
          );
          const passed = /OVERALL: PASSED/.test(out);
          if (why) expect(passed, `${wire} ${name} now passes: remove it from expected-failures.txt`).toBe(false);
          else expect({ passed, code, tail: passed ? "" : out.slice(-3_000) }).toMatchObject({ passed: true, code: 0 });
        });
      }
    });
  }
});
