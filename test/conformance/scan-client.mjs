#!/usr/bin/env node
// The client the conformance suite runs: `kensa scan` itself, given the calls each scenario's mock server
// expects (a vendor would name them in the catalogue the same way). The suite appends the server's URL and
// names the scenario in MCP_CONFORMANCE_SCENARIO. Arguments go to kensa as an array (no shell): some
// scenarios need values with spaces and control characters, which the suite's own command splitting cannot carry.
// `--eras newest`: the 2026-07-28 scenarios require every request to carry the modern headers and `_meta`;
// Kensa's era survey (one initialize to a modern server) is a grader's extra, left out here.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const kensa = fileURLToPath(new URL("../../apps/cli/bin/kensa.mjs", import.meta.url));

/** Tool calls per scenario: what each mock server counts on being called. */
export const scenarioCalls = {
  tools_call: [["add_numbers", { a: 2, b: 3 }]],
  "sse-retry": [["test_reconnection", {}]],
  "sep-2322-client-request-state": [["test_mrtr_echo_state", {}], ["test_mrtr_no_state", {}], ["test_mrtr_unrelated", {}], ["test_mrtr_no_result_type", {}]],
  "http-invalid-tool-headers": [["valid_tool", { region: "us-west1" }]],
  "http-custom-headers": [
    ["test_custom_headers", {
      region: "us-west1", priority: 5, verbose: false, debug: true, empty_val: "", method_val: "POST", float_val: 1.5,
      non_ascii_val: "日本語", whitespace_val: "  padded  ", leading_space_val: " lead", trailing_space_val: "trail ",
      internal_space_val: "a b c", control_char_val: "a\u0001b", crlf_val: "a\r\nb", tab_val: "\tx", query: "q",
    }],
    ["test_custom_headers_null", { region: "us-west1", priority: 1, query: "q" }],
  ],
};

const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? "";
const calls = (scenarioCalls[scenario] ?? []).flatMap(([tool, args]) => ["--call", `${tool}=${JSON.stringify(args)}`]);
const args = [kensa, "scan", url, "--checks", "none", "--eras", "newest", "--deadline", process.env.KENSA_CONFORMANCE_DEADLINE ?? "20", "--json", ...calls];
const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
let out = "";
child.stdout.on("data", (chunk) => (out += chunk));
child.on("close", (code) => {
  // One line the test can read back: the era the scan recorded, and how each step ended.
  try {
    const doc = JSON.parse(out);
    console.log(JSON.stringify({ scenario, server: doc.server, steps: doc.steps.map((s) => ({ name: s.name, ok: s.ok })) }));
  } catch {
    console.log(out.slice(0, 2_000));
  }
  process.exit(code ?? 1);
});
