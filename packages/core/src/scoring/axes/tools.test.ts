// The tools axis on evidence built the way workers build it, and the future grade it feeds while 1.2.0 is staged.
import { describe, expect, it } from "vitest";
import { keepToolDefinitions } from "../../probe/tool-definitions";
import { addLatency } from "../../rollup/latency-histogram";
import { emptyAggregate } from "../../rollup/step-aggregate";
import { evidenceFromAggregates } from "../evidence-from-aggregates";
import { gradeService } from "../grade-service";
import { methodology_1_1_2, methodology_1_2_0 } from "../methodology";
import { protocolItemIds12 } from "../items-1-2-protocol-ids";

const window = { from: "2026-04-01T00:00:00.000Z", to: "2026-04-30T00:00:00.000Z" };

function traffic(successes: number) {
  const agg = emptyAggregate();
  agg.runs = 10;
  agg.successes = successes;
  agg.calls = successes;
  addLatency(agg.latencyHistogram, 200, successes);
  return agg;
}

const good = {
  name: "list_invoices",
  description: "List invoices of the company, newest first; page with cursor.",
  inputSchema: { type: "object", properties: { cursor: { type: "string", description: "next_cursor of the previous page" } }, required: [] },
  outputSchema: { type: "object", properties: { items: { type: "array" } } },
  annotations: { readOnlyHint: true },
};
const poor = { name: "create invoice", description: "create invoice", inputSchema: { type: "object", properties: { amount: {} } } };

function evidence(tools: unknown[] | undefined) {
  const kept = tools && keepToolDefinitions(tools);
  return evidenceFromAggregates({
    window, aggregates: { direct: traffic(200) }, declared: {}, authMethod: "oauth2",
    summary: {
      target: { transport: "streamable-http" },
      tools: {
        count: tools?.length ?? 0, withSchema: 0, hash: "h", names: [], writeTools: 0,
        ...(kept ? { definitions: kept.definitions, definitionsOmitted: kept.omitted, listChars: JSON.stringify(tools).length } : {}),
      },
    },
  });
}
const findingsOf = (report: ReturnType<typeof gradeService>) => Object.fromEntries(report.axes.tools.findings.map((f) => [f.id, f]));

describe("the tools axis (1.2.0)", () => {
  it("well-defined tools earn every point", () => {
    const report = gradeService(evidence([good]), { methodology: methodology_1_2_0 });
    expect(report.axes.tools.score).toBe(100);
    expect(report.axes.tools.weight).toBe(5);
  });

  it("each rule earns its share of tools, and says which tool failed why", () => {
    const f = findingsOf(gradeService(evidence([good, poor]), { methodology: methodology_1_2_0 }));
    expect(f["tools.descriptions"]).toMatchObject({ points: 12.5, maxPoints: 25 });
    expect(f["tools.descriptions"]!.message).toContain("create invoice: the description only restates the name");
    expect(f["tools.input_schemas"]!.message).toContain("untyped properties: amount");
    expect(f["tools.names"]).toMatchObject({ points: 5 });
    expect(f["tools.annotations"]).toMatchObject({ points: 7.5 });
    // Only read-only tools are asked for an outputSchema: the writer is not judged on it.
    expect(f["tools.output_schemas"]).toMatchObject({ points: 10 });
    expect(f["tools.unique_names"]).toMatchObject({ points: 5 });
  });

  it("a duplicate name costs the unique-names item", () => {
    expect(findingsOf(gradeService(evidence([good, good]), { methodology: methodology_1_2_0 }))["tools.unique_names"]).toMatchObject({ points: 0 });
  });

  it.each<[number, number]>([[4_000, 10], [20_000, 10], [40_000, 6.7], [80_000, 3.3], [160_000, 0]])("a list of %d characters earns %d of 10 for size", (chars, points) => {
    const e = evidence([good]);
    e.tools!.listChars = chars;
    expect(findingsOf(gradeService(e, { methodology: methodology_1_2_0 }))["tools.list_size"]!.points).toBe(points);
  });

  it("runs recorded before definitions were kept leave the axis untested, its weight spread over the others", () => {
    const report = gradeService(evidence(undefined), { methodology: methodology_1_2_0 });
    expect(report.axes.tools.score).toBeNull();
    expect(report.axes.tools.effectiveWeight).toBe(0);
  });

  it("1.1.2 neither scores nor shows the tools axis", () => {
    const report = gradeService(evidence([poor]), { methodology: methodology_1_1_2, staged: null });
    expect(report.axes.tools).toMatchObject({ weight: 0, score: null, findings: [], facts: {} });
    expect(report.future).toBeUndefined();
  });
});

describe("the future grade while 1.2.0 is staged", () => {
  it("is computed from the same evidence under the staged rules, naming its new findings", () => {
    const report = gradeService(evidence([poor]), { methodology: methodology_1_1_2, staged: methodology_1_2_0 });
    const under12 = gradeService(evidence([poor]), { methodology: methodology_1_2_0, staged: null });
    expect(report.future).toMatchObject({ methodologyVersion: "1.2.0", effectiveFrom: methodology_1_2_0.effectiveFrom, grade: under12.grade, score: under12.score });
    expect(report.future!.axes.tools).toEqual({ score: under12.axes.tools.score, weight: 5, effectiveWeight: under12.axes.tools.effectiveWeight });
    // New in 1.2.0: the tools axis and the MCP 2026-07-28 protocol items (items-1-2-protocol.ts) on their axes.
    const newIn12 = Object.values(under12.axes).flatMap((a) => a.findings).filter((f) => f.id.startsWith("tools.") || (protocolItemIds12 as readonly string[]).includes(f.id));
    expect(report.future!.newFindings.map((f) => f.id).sort()).toEqual(newIn12.map((f) => f.id).sort());
    expect(newIn12.filter((f) => f.id.startsWith("tools.")).map((f) => f.id).sort()).toEqual(under12.axes.tools.findings.map((f) => f.id).sort());
    // Poor tool definitions cost points only under 1.2.0.
    expect(report.future!.score).toBeLessThan(report.score);
  });

  it("good tool definitions score 100 on the tools axis, which takes 5 of reliability's weight", () => {
    const report = gradeService(evidence([good]), { methodology: methodology_1_1_2, staged: methodology_1_2_0 });
    expect(report.future!.axes.tools.score).toBe(100);
    expect(report.future!.axes.reliability.weight).toBe(40);
  });
});
