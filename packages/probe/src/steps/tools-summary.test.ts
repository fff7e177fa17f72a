import { expect, it } from "vitest";
import { canonicalJson, summariseTools } from "./tools-summary";

const tools = [
  { name: "b_write", inputSchema: { type: "object", properties: { x: { type: "string" } } } },
  { name: "a_read", description: "reads", inputSchema: { type: "object" }, annotations: { readOnlyHint: true } },
];

it("summarises tools with a hash that ignores order and key order but sees any change", () => {
  const s = summariseTools(tools);
  expect(s).toMatchObject({ count: 2, withSchema: 2, names: ["a_read", "b_write"], writeTools: 1 });
  const reordered = summariseTools([{ ...tools[1]!, annotations: { readOnlyHint: true }, inputSchema: { type: "object" } }, { inputSchema: { properties: { x: { type: "string" } }, type: "object" }, name: "b_write" }]);
  expect(reordered.hash).toBe(s.hash);
  expect(summariseTools([{ ...tools[0]!, description: "now documented" }, tools[1]!]).hash).not.toBe(s.hash);
});

it("writes canonical JSON without recursing past its bound", () => {
  expect(canonicalJson({ b: 1, a: [true, null, undefined], c: undefined })).toBe('{"a":[true,null,null],"b":1}');
  let deep: unknown = {};
  for (let i = 0; i < 5_000; i++) deep = { d: deep };
  expect(canonicalJson(deep)).toContain("[too deep]");
});

it("keeps the real count but only a bounded list of bounded names, so a huge list cannot bloat every stored run", () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `t${String(i).padStart(5, "0")}${"x".repeat(i === 0 ? 1_000 : 0)}` }));
  const s = summariseTools(many);
  expect(s.count).toBe(10_000);
  expect(s.names).toHaveLength(256);
  expect(s.namesOmitted).toBe(10_000 - 256);
  expect(s.names[0]!.length).toBe(128);
  expect(summariseTools(tools).namesOmitted).toBeUndefined();
});

it("keeps the definitions the tools axis judges and the size of the whole list", () => {
  const s = summariseTools(tools);
  expect(s.definitions!.map((d) => d.name)).toEqual(["a_read", "b_write"]);
  expect(s.definitions![0]).toMatchObject({ description: "reads", annotations: { readOnlyHint: true } });
  expect(s.listChars).toBe(JSON.stringify(tools).length);
  const many = summariseTools(Array.from({ length: 3_000 }, (_, i) => ({ name: `t${i}`, description: "d".repeat(100) })));
  expect(many.definitionsOmitted).toBeGreaterThan(0);
  expect(many.definitions!.length + many.definitionsOmitted!).toBe(3_000);
});
