import { describe, expect, it } from "vitest";
import { leaderboardParams } from "./leaderboard-params";
import { openApiDocument } from "./openapi";
import { ApiErrorBody } from "./schemas";

describe("the OpenAPI document", () => {
  interface OperationDoc {
    parameters: { name: string; in: string; schema: Record<string, unknown> }[];
    security?: Record<string, string[]>[];
    responses: Record<string, { headers?: Record<string, { schema: { type: string } }>; content?: Record<string, { schema: { $ref?: string } }> }>;
  }
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<"get" | "post", OperationDoc>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }>; securitySchemes: Record<string, Record<string, string>> };
  };

  it("documents every public endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/health", "/api/v1/adoption", "/api/v1/badge/{id}.svg", "/api/v1/export.csv", "/api/v1/grades/distribution",
      "/api/v1/services", "/api/v1/services/{id}", "/api/v1/services/{id}/history", "/api/v1/services/{id}/reprobe",
    ]);
    expect(Object.keys(doc.paths["/api/v1/services/{id}/reprobe"]!)).toEqual(["post"]);
  });

  it("documents the re-probe write endpoint: bearer auth, 202 body, and each refusal with the header a client needs", () => {
    const op = doc.paths["/api/v1/services/{id}/reprobe"]!.post;
    expect(op.security).toContainEqual({ bearerAuth: [] });
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [scheme] of op.security!.flatMap((s) => Object.entries(s))) expect(doc.components.securitySchemes[scheme!], scheme).toBeDefined();
    expect(Object.keys(op.responses).sort()).toEqual(["202", "303", "401", "403", "404", "429", "503"]);
    expect(op.responses["202"]!.content!["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/ReprobeAccepted" });
    expect(Object.keys(doc.components.schemas.ReprobeAccepted!.properties!).sort()).toEqual(["idempotencyKey", "path", "requestId", "serviceId", "status"]);
    for (const status of ["401", "403", "404", "429", "503"]) {
      expect(op.responses[status]!.content!["application/json"]!.schema, status).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(op.responses["401"]!.headers!["WWW-Authenticate"]!.schema.type).toBe("string");
    expect(op.responses["429"]!.headers!["Retry-After"]!.schema.type).toBe("integer");
    expect(op.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
  });

  it("lists every error code the API answers with in the Error schema", () => {
    const codes = ApiErrorBody.shape.error.shape.code.options;
    expect([...codes].sort()).toEqual(["bad_request", "forbidden", "internal", "not_found", "rate_limited", "unauthorized", "unavailable"]);
    expect(JSON.stringify(doc.components.schemas.Error)).toContain('"rate_limited"');
  });

  it("labels history and the grade distribution with their data sources", () => {
    const props = (name: string) => Object.keys(doc.components.schemas[name]!.properties!);
    expect(props("HistoryPoint")).toContain("sources");
    expect(props("ServiceHistory")).toContain("sources");
    expect(props("GradeDistribution")).toEqual(expect.arrayContaining(["sources", "unsourced"]));
    expect(JSON.stringify(doc.components.schemas.HistoryPoint)).toContain('"#/components/schemas/DataSource"');
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
