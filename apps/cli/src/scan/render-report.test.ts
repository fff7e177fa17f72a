// The scan report while a methodology version is staged: the future grade, in the text and in --json.
import { describe, expect, it } from "vitest";
import { evidenceFromRuns, gradeService, methodology_1_1_2, methodology_1_2_0, type ProbeRunRecord } from "@kensa/core";
import { renderReport } from "./render-report";
import { scanDocument } from "./scan-document";

const at = "2026-12-01T00:00:00.000Z";
const run: ProbeRunRecord = {
  id: "00000000-0000-4000-8000-000000000001", idempotencyKey: "k", serviceId: "scan", trigger: "scan", source: "live", path: "direct",
  startedAt: at, finishedAt: at,
  summary: {
    target: { transport: "streamable-http" },
    tools: {
      count: 1, withSchema: 1, hash: "h".repeat(64), names: ["search"], writeTools: 0, listChars: 90,
      definitions: [{ name: "search", description: "search", inputSchema: { type: "object", properties: { q: { type: "string" } } }, annotations: { readOnlyHint: true } }],
    },
  },
  steps: [{ seq: 0, name: "tools/list", kind: "protocol", startedAt: at, latencyMs: 12, outcome: { kind: "ok" } }],
};
const evidence = evidenceFromRuns([run], { declared: {}, authMethod: "unknown" });

describe("kensa scan report with a staged methodology", () => {
  const doc = scanDocument("https://mcp.example.com/mcp", run, gradeService(evidence, { methodology: methodology_1_1_2, staged: methodology_1_2_0 }));

  it("puts the future grade in the kensa.scan/v1 document", () => {
    expect(doc.future).toMatchObject({ methodologyVersion: "1.2.0", effectiveFrom: methodology_1_2_0.effectiveFrom, grade: expect.any(String) });
    expect(doc.future!.newFindings.map((f) => f.id)).toContain("tools.descriptions");
  });

  it("prints the grade under the staged version and the new findings this server does not meet", () => {
    const text = renderReport(doc);
    expect(text).toContain(`Methodology 1.2.0 (staged, effective ${methodology_1_2_0.effectiveFrom}): grade ${doc.future!.grade}   score ${doc.future!.score}`);
    expect(text).toMatch(/✗ tools\.descriptions: 0 of 1 tools have a useful description\. For example search: the description only restates the name\./);
    expect(text).toContain("✗ tools.input_schemas:");
    // Under 1.1.2 the tools axis is not judged, so the axes table leaves it out.
    expect(text.split("Axes")[1]!.split("\n\n")[0]).not.toContain("Tool definitions");
  });

  it("prints nothing about a future and gives null in the document when nothing is staged", () => {
    const plain = scanDocument("https://mcp.example.com/mcp", run, gradeService(evidence, { methodology: methodology_1_1_2, staged: null }));
    expect(plain.future).toBeNull();
    expect(renderReport(plain)).not.toContain("staged");
  });
});
