// One row per rule and case: what passes, what fails and why, on recorded definitions.
import { describe, expect, it } from "vitest";
import type { ToolDefinitionRecord } from "../../probe/tool-definitions";
import { annotationsVerdict, descriptionVerdict, inputSchemaVerdict, nameVerdict, outputSchemaVerdict } from "./tool-rules";

const tool = (patch: Partial<ToolDefinitionRecord>): ToolDefinitionRecord => ({ name: "list_issues", ...patch });
const described = (type = "string") => ({ type, description: "what it holds" });

describe("description", () => {
  it.each<[string, Partial<ToolDefinitionRecord>, boolean | null, RegExp?]>([
    ["a sentence", { description: "List open issues in a project, newest first." }, true],
    ["none", {}, false, /no description/],
    ["blank", { description: "   " }, false, /no description/],
    ["the name again", { description: "list_issues" }, false, /restates the name/],
    ["the name in words", { description: "List issues" }, false, /restates the name/],
    ["the title again", { title: "Issue lister", description: "Issue Lister" }, false, /restates/],
    ["too short", { description: "Lists stuff." }, false, /12 characters/],
  ])("%s", (_row, patch, ok, why) => {
    const v = descriptionVerdict(tool(patch));
    expect(v.ok).toBe(ok);
    if (why) expect("why" in v ? v.why : "").toMatch(why);
  });
});

describe("input schema", () => {
  it.each<[string, unknown, boolean | null, RegExp?]>([
    ["complete", { type: "object", properties: { id: described(), limit: described("integer") }, required: ["id"] }, true],
    ["no properties needs no required", { type: "object" }, true],
    ["enum counts as a type", { type: "object", properties: { s: { enum: ["a", "b"], description: "state" } }, required: [] }, true],
    ["missing", undefined, false, /no input schema/],
    ["not an object schema", { type: "array" }, false, /not of type "object"/],
    ["invalid 2020-12", { type: "object", properties: { id: { type: "strin", description: "x" } }, required: [] }, false, /not valid JSON Schema 2020-12/],
    ["untyped property", { type: "object", properties: { id: { description: "x" } }, required: [] }, false, /untyped properties: id/],
    ["undescribed property", { type: "object", properties: { id: { type: "string" } }, required: ["id"] }, false, /without a description: id/],
    ["no required list: nothing is required", { type: "object", properties: { id: described() } }, true],
    ["required names a stranger", { type: "object", properties: { id: described() }, required: ["ID"] }, false, /undeclared properties: ID/],
    ["draft-07 $schema is read as 2020-12", { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { id: described() }, required: ["id"] }, true],
  ])("%s", (_row, inputSchema, ok, why) => {
    const v = inputSchemaVerdict(tool(inputSchema === undefined ? {} : { inputSchema: inputSchema as ToolDefinitionRecord["inputSchema"] }));
    expect(v.ok).toBe(ok);
    if (why) expect("why" in v ? v.why : "").toMatch(why);
  });

  it("a schema too large to keep is not judged", () => {
    expect(inputSchemaVerdict(tool({ schemaTooLarge: ["input"] })).ok).toBeNull();
  });
});

describe("annotations", () => {
  it.each<[string, Record<string, boolean> | undefined, boolean]>([
    ["read-only says enough", { readOnlyHint: true }, true],
    ["a writer with both hints", { readOnlyHint: false, destructiveHint: true, idempotentHint: false }, true],
    ["none", undefined, false],
    ["no readOnlyHint", { destructiveHint: false, idempotentHint: true }, false],
    ["a writer without idempotentHint", { readOnlyHint: false, destructiveHint: false }, false],
  ])("%s", (_row, annotations, ok) => {
    expect(annotationsVerdict(tool(annotations ? { annotations } : {})).ok).toBe(ok);
  });
});

describe("names (SEP-986)", () => {
  it.each<[string, boolean]>([
    ["getUser", true], ["admin.tools.list", true], ["DATA_EXPORT_v2", true], ["a".repeat(128), true],
    ["a".repeat(129), false], ["", false], ["get user", false], ["user/profile", false], ["名前", false], ["a,b", false],
  ])("%j is %s", (name, ok) => {
    expect(nameVerdict(tool({ name })).ok).toBe(ok);
  });
});

describe("output schema", () => {
  it.each<[string, unknown, boolean]>([
    ["an object schema", { type: "object", properties: { items: { type: "array" } } }, true],
    ["missing", undefined, false],
    ["not an object", { type: "string" }, false],
    ["invalid", { type: "object", properties: { n: { minimum: "one" } } }, false],
  ])("%s", (_row, outputSchema, ok) => {
    expect(outputSchemaVerdict(tool(outputSchema === undefined ? {} : { outputSchema: outputSchema as ToolDefinitionRecord["outputSchema"] })).ok).toBe(ok);
  });
});
