import { describe, expect, it } from "vitest";
import { leaderboardParams } from "./leaderboard-params";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, { get: { parameters: { name: string; in: string; schema: Record<string, unknown> }[]; responses: Record<string, unknown> } }>; components: { schemas: Record<string, unknown> } };

  it("documents every public endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/health", "/api/v1/badge/{id}.svg", "/api/v1/export.csv", "/api/v1/grades/distribution",
      "/api/v1/services", "/api/v1/services/{id}", "/api/v1/services/{id}/history",
    ]);
  });

  it("lists each query parameter the handler accepts, generated from its zod schema", () => {
    const params = doc.paths["/api/v1/services"]!.get.parameters.filter((p) => p.in === "query");
    expect(params.map((p) => p.name).sort()).toEqual(Object.keys(leaderboardParams).sort());
    expect(params.find((p) => p.name === "window")!.schema).toMatchObject({ enum: ["7", "30", "90"], default: "30" });
    expect(params.find((p) => p.name === "pageSize")!.schema).toMatchObject({ type: "string", pattern: "^\\d+$" });
  });

  it("has every $ref resolve to a component schema", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it("describes the ServiceDetail body with grade evidence fields", () => {
    const detail = JSON.stringify(doc.components.schemas.ServiceDetail);
    for (const field of ["axes", "caps", "fixes", "nextGrade", "declared", "checks", "recentFailures", "gradeHistory", "scoreBeforeCaps"]) {
      expect(JSON.stringify(doc.components.schemas)).toContain(`"${field}"`);
    }
    expect(detail.length).toBeGreaterThan(100);
  });
});
