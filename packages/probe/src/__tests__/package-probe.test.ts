// The package probe over tiny stdio "vendor packages" of our own, run as real child processes through the
// same isolation as a real package: what a tool call without a working credential returns (an actionable
// isError result, an opaque JSON-RPC error, a crash, a hang), start-up, stdout noise and stdin close — each a
// finding with its evidence (core packageFindings), never a crash or a hang of the probe.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyRun, packageFindings, type PackageFinding, type PackageLaunch } from "@kensa/core";
import { placeholderArguments, probePackage, unauthenticatedCall } from "../index";

const server = fileURLToPath(new URL("./fixtures/package-stdio-server.mjs", import.meta.url));
const launch = (mode: string, env: Record<string, string> = { EXAMPLE_API_KEY: "kensa-dummy-not-a-credential" }): PackageLaunch => ({
  name: "@example/vendor-mcp", version: "1.0.0", integrity: `sha512-${"A".repeat(86)}==`, bin: "vendor-mcp", args: [server, mode], env,
});

async function findingsOf(mode: string, env?: Record<string, string>) {
  const result = await probePackage({ launch: launch(mode, env), binPath: process.execPath, limits: { requestTimeoutMs: 2_000, deadlineMs: 20_000 } });
  const run = classifyRun({ ...result, id: "00000000-0000-8000-8000-000000000000", idempotencyKey: `t:${mode}`, serviceId: "example", trigger: "manual", source: "package", path: "direct" });
  const byId = (id: PackageFinding["id"]) => packageFindings(run).find((f) => f.id === id)!;
  return { result, run, byId };
}

describe("probePackage over our own stdio servers", () => {
  it("records the package as pinned, start-up, protocol, capabilities, tools and an actionable isError answer", async () => {
    const { result, byId } = await findingsOf("actionable");
    expect(result.summary.package).toEqual({ registry: "npm", name: "@example/vendor-mcp", version: "1.0.0", integrity: `sha512-${"A".repeat(86)}==`, dummyEnv: ["EXAMPLE_API_KEY"] });
    expect(result.summary.stdio?.env).toEqual(["EXAMPLE_API_KEY"]);
    expect(byId("startup")).toMatchObject({ verdict: "info" });
    expect(typeof byId("startup").value).toBe("number");
    expect(byId("protocol")).toMatchObject({ value: "2025-06-18" });
    expect(byId("capabilities")).toMatchObject({ value: "logging, tools" });
    expect(byId("tools")).toMatchObject({ value: 2 });
    // The read-only tool, with placeholder values its schema accepts (the fixture answers -32602 otherwise).
    expect(byId("unauthenticated_call")).toMatchObject({ verdict: "good", shape: "tool_error", actionability: "names_credential" });
    expect(byId("unauthenticated_call").evidence).toMatch(/list_invoices: isError result: 401 Unauthorized/);
    expect(byId("stdout")).toMatchObject({ verdict: "good", value: 0 });
    expect(byId("stdin_close")).toMatchObject({ verdict: "good", value: "exits" });
  });

  it("an opaque JSON-RPC error is a concern: nothing an agent can act on", async () => {
    const { byId } = await findingsOf("rpc");
    expect(byId("unauthenticated_call")).toMatchObject({ verdict: "concern", shape: "rpc_error", actionability: "opaque" });
    expect(byId("unauthenticated_call").evidence).toMatch(/JSON-RPC error -32603: Something went wrong/);
  });

  it("a crash during the call is the vendor's, with its stderr as evidence", async () => {
    const { run, byId } = await findingsOf("crash");
    expect(byId("unauthenticated_call")).toMatchObject({ verdict: "concern", shape: "crash" });
    expect(byId("unauthenticated_call").evidence).toMatch(/TypeError: Cannot read properties of undefined/);
    const call = run.steps.find((s) => s.kind === "call")!;
    expect(call.classification?.fault).toBe("vendor");
    expect(call.classification?.errorClass).not.toBe("network_error");
  });

  it("a hang is bounded by the request timeout; a server that ignores stdin closing is stopped by signal", async () => {
    const { byId, run } = await findingsOf("hang");
    expect(byId("unauthenticated_call")).toMatchObject({ verdict: "concern", shape: "hang" });
    expect(run.steps.find((s) => s.kind === "call")!.latencyMs).toBeLessThan(10_000);
    expect(byId("stdin_close")).toMatchObject({ verdict: "concern" });
    expect(["SIGTERM", "SIGKILL"]).toContain(byId("stdin_close").value);
  }, 30_000);

  it("a banner on stdout is non-protocol output, counted in bytes", async () => {
    const { byId } = await findingsOf("noisy");
    expect(byId("stdout").verdict).toBe("concern");
    expect(byId("stdout").value).toBe("Example MCP server v1.0 ready on stdio!".length); // the line, without its newline
  });

  it("exiting at start for want of configuration: config_missing, fault client, in its own words", async () => {
    const { run, byId } = await findingsOf("config", {});
    const init = run.steps.find((s) => s.name === "initialize")!;
    expect(init.classification).toMatchObject({ errorClass: "config_missing", fault: "client" });
    expect(byId("startup")).toMatchObject({ verdict: "concern" });
    expect(byId("startup").evidence).toMatch(/EXAMPLE_API_KEY is not set/);
    expect(byId("unauthenticated_call")).toMatchObject({ verdict: "not_observed", shape: "not_called" });
  });
});

describe("the unauthenticated call's choice", () => {
  it("prefers a read-only tool, then a read-like name, then the first", () => {
    expect(unauthenticatedCall([{ name: "delete_all" }, { name: "get_me" }, { name: "x", annotations: { readOnlyHint: true } }])[0]!.tool).toBe("x");
    expect(unauthenticatedCall([{ name: "delete_all" }, { name: "search_docs" }])[0]!.tool).toBe("search_docs");
    expect(unauthenticatedCall([{ name: "delete_all" }])[0]!.tool).toBe("delete_all");
    expect(unauthenticatedCall([])).toEqual([]);
  });

  it("fills required properties with values of their type", () => {
    expect(placeholderArguments({ type: "object", properties: { a: { type: "string" }, b: { type: "integer", minimum: 5 }, c: { enum: ["x", "y"] }, d: { type: "boolean" }, e: { type: "array" }, f: { type: "string" } }, required: ["a", "b", "c", "d", "e"] }))
      .toEqual({ a: "kensa-probe", b: 5, c: "x", d: false, e: [] });
    expect(placeholderArguments(undefined)).toEqual({});
  });
});
