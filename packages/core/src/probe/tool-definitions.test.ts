import { describe, expect, it } from "vitest";
import { keepToolDefinitions, MAX_DEFINITIONS_CHARS, MAX_DESCRIPTION_CHARS, MAX_SCHEMA_CHARS, ToolDefinitionRecord } from "./tool-definitions";

describe("keepToolDefinitions", () => {
  it("keeps what the rules read, sorted by name, and drops everything else", () => {
    const { definitions, omitted } = keepToolDefinitions([
      { name: "b", description: "second", inputSchema: { type: "object" }, annotations: { readOnlyHint: true, title: "not a hint" }, _meta: { huge: "x" } },
      { name: "a", title: "A", outputSchema: { type: "object" } },
    ]);
    expect(omitted).toBe(0);
    expect(definitions).toEqual([
      { name: "a", title: "A", outputSchema: { type: "object" } },
      { name: "b", description: "second", inputSchema: { type: "object" }, annotations: { readOnlyHint: true } },
    ]);
    for (const d of definitions) expect(ToolDefinitionRecord.safeParse(d).success).toBe(true);
  });

  it("cuts long descriptions and marks schemas too large to keep", () => {
    const big = { type: "object", properties: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, { type: "string", description: "x".repeat(20) }])) };
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_SCHEMA_CHARS);
    const [d] = keepToolDefinitions([{ name: "t", description: "d".repeat(5000), inputSchema: big }]).definitions;
    expect(d!.description!.length).toBe(MAX_DESCRIPTION_CHARS);
    expect(d!.inputSchema).toBeUndefined();
    expect(d!.schemaTooLarge).toEqual(["input"]);
  });

  it("keeps at most the byte budget and counts the rest", () => {
    const tools = Array.from({ length: 2000 }, (_, i) => ({ name: `tool_${String(i).padStart(4, "0")}`, description: "y".repeat(200) }));
    const { definitions, omitted } = keepToolDefinitions(tools);
    expect(JSON.stringify(definitions).length).toBeLessThanOrEqual(MAX_DEFINITIONS_CHARS + definitions.length);
    expect(definitions.length + omitted).toBe(2000);
    expect(omitted).toBeGreaterThan(0);
  });

  it("survives hostile entries: no name, wrong types, cycles", () => {
    const cyclic: Record<string, unknown> = { type: "object" };
    cyclic.self = cyclic;
    const { definitions } = keepToolDefinitions([null, 42, { name: 7, description: ["x"], annotations: "yes" }, { name: "c", inputSchema: cyclic }]);
    expect(definitions.map((d) => d.name)).toEqual(["", "", "7", "c"]);
    expect(definitions.find((d) => d.name === "c")!.inputSchema).toBeNull();
  });
});
