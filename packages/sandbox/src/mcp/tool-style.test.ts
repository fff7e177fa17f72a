// The fleet's tool lists vary in quality by profile, and the tools axis of methodology 1.2.0 sees it: the
// real probe lists each style's tools and the scorer ranks curated above typical above sparse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { evidenceFromRuns, gradeService, methodology_1_2_0, sandboxProfileOf, type ToolDefinitionStyle } from "@kensa/core";
import { ControllableClock } from "../clock/controllable-clock";
import { startSandbox, type Sandbox } from "../fleet/start-sandbox";
import { testEntry } from "../testing/entries";
import { probeSandbox } from "../testing/probe-sandbox";
import { toolStyleOf } from "./tool-style";

const clock = new ControllableClock({ speed: 0 });
const styles = ["curated", "typical", "sparse"] as const satisfies readonly ToolDefinitionStyle[];
const entries = styles.map((style) => testEntry({ id: `tools-${style}`, profile: "oauth-solid", overrides: { toolDefinitions: style, failures: {}, rateLimit: null } }));
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ catalogue: entries, seed: 7, latencyScale: 0, hangMs: 5_000, clock });
});
afterAll(() => sandbox.close());

async function toolsAxis(style: ToolDefinitionStyle) {
  const entry = entries[styles.indexOf(style as (typeof styles)[number])]!;
  const run = await probeSandbox(sandbox, { ...entry, calls: [...entry.calls, ...["deal_1", "deal_999999"].map((id) => ({ tool: "get_deal", arguments: { id }, expect: "success" as const, readOnly: true as const }))] }, "direct", { clock, rounds: 2 });
  const report = gradeService(evidenceFromRuns([run], { declared: {}, authMethod: "oauth2" }), { methodology: methodology_1_2_0 });
  return { run, axis: report.axes.tools, calls: run.steps.filter((s) => s.kind === "call") };
}

describe("tool definitions in the sandbox", () => {
  it("curated lists earn more on the tools axis than typical ones, and typical more than sparse", async () => {
    // One after another: three probes at once on a loaded machine can time a tools/list out.
    const curated = await toolsAxis("curated");
    const typical = await toolsAxis("typical");
    const sparse = await toolsAxis("sparse");
    for (const x of [curated, typical, sparse]) expect(x.run.summary.tools?.definitions, JSON.stringify(x.run.steps.map((s) => [s.name, s.outcome.kind]))).toBeDefined();
    expect(curated!.axis.score!).toBeGreaterThan(typical!.axis.score!);
    expect(typical!.axis.score!).toBeGreaterThan(sparse!.axis.score!);
    const finding = (a: typeof curated, id: string) => a!.axis.findings.find((f) => f.id === id)!;
    expect(finding(curated, "tools.output_schemas").ok).toBe(true);
    expect(finding(sparse, "tools.descriptions").points).toBe(0);
    // Output schemas are held to their word: the curated service's calls still succeed, and its structured
    // errors still read as the class they are (the probe's client checks structuredContent even on isError).
    const outcomes = curated.calls.map((s) => [s.name, s.classification?.errorClass ?? s.outcome.kind]);
    expect(curated.calls.filter((s) => s.outcome.kind === "ok").length, JSON.stringify(outcomes)).toBe(curated.calls.length - 2);
    expect(curated.calls.filter((s) => s.classification?.errorClass === "not_found").length, JSON.stringify(outcomes)).toBe(2);
    // Every style keeps readOnlyHint, so the write-tool count (and its cap) does not depend on the style.
    expect(new Set([curated, typical, sparse].map((x) => x!.run.summary.tools!.writeTools)).size).toBe(1);
  });

  it("gives each catalogue service a style fixed by its id, and the catalogue all three", async () => {
    const catalogue = await loadCatalogue();
    const seen = catalogue.entries.map((e) => toolStyleOf(e.id, sandboxProfileOf(e)));
    expect(catalogue.entries.map((e) => toolStyleOf(e.id, sandboxProfileOf(e)))).toEqual(seen);
    for (const style of styles) expect(seen.filter((s) => s === style).length, style).toBeGreaterThan(catalogue.entries.length / 10);
  });
});
