import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ReportOutcomeInput, ReportOutcomeOutput } from "./reported-outcome";

describe("the report_outcome contract", () => {
  it.each(Object.keys(ReportOutcomeInput.shape))("input field %s is described for agents", (field) => {
    expect((ReportOutcomeInput.shape as Record<string, z.ZodType>)[field]!.description).toMatch(/\w{3,}/);
  });

  it("converts to JSON Schema (what MCP clients see), required fields and taxonomy included", () => {
    const schema = z.toJSONSchema(ReportOutcomeInput) as { required: string[]; properties: Record<string, { enum?: string[] }>; additionalProperties: boolean };
    expect(schema.required.sort()).toEqual(["latencyMs", "reportId", "serviceId", "success"]);
    expect(schema.properties.errorClass?.enum).toContain("rate_limited");
    expect(schema.additionalProperties).toBe(false);
    expect(() => z.toJSONSchema(ReportOutcomeOutput)).not.toThrow();
  });
});
