// /api/openapi.json, generated from the same zod schemas the handlers validate with and answer in:
// response bodies from the schema registry, query parameters from each endpoint's parameter shape.
import { z } from "zod";
import { distributionParams } from "./handlers/distribution";
import { historyParams } from "./handlers/history";
import { serviceParams } from "./handlers/service";
import { filterParams, leaderboardParams } from "./leaderboard-params";
import type { ParamShape } from "./query-params";
import { apiRegistry } from "./schemas";

interface Operation {
  path: string;
  summary: string;
  params: ParamShape;
  pathParams?: { name: string; description: string }[];
  ok: { schema?: string; mediaType?: string; description: string };
  notFound?: boolean;
}

const idParam = { name: "id", description: "service id, e.g. freee" };

const operations: Operation[] = [
  { path: "/api/v1/services", summary: "Tracked services with grades and window figures (the leaderboard)", params: leaderboardParams, ok: { schema: "ServiceList", description: "one page of services" } },
  { path: "/api/v1/services/{id}", summary: "One service: axes, caps, fixes, declared facts, findings, failures, grade history", params: serviceParams, pathParams: [idParam], ok: { schema: "ServiceDetail", description: "the service" }, notFound: true },
  { path: "/api/v1/services/{id}/history", summary: "Success, errors and latency percentiles over time, from daily rollups", params: historyParams, pathParams: [idParam], ok: { schema: "ServiceHistory", description: "history buckets" }, notFound: true },
  { path: "/api/v1/grades/distribution", summary: "How many services hold each grade", params: distributionParams, ok: { schema: "GradeDistribution", description: "grade counts" } },
  { path: "/api/v1/export.csv", summary: "The leaderboard as CSV, filters applied, unpaged", params: filterParams, ok: { mediaType: "text/csv", description: "CSV with a header row" } },
  { path: "/api/v1/badge/{id}.svg", summary: "Grade badge; a 'not graded' badge for unknown ids", params: {}, pathParams: [idParam], ok: { mediaType: "image/svg+xml", description: "SVG badge" } },
  { path: "/api/health", summary: "Liveness and database reachability", params: {}, ok: { schema: "Health", description: "alive" } },
];

export function openApiDocument(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) delete s.$schema;
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const paths: Record<string, unknown> = {};
  for (const op of operations) {
    const parameters = [
      ...(op.pathParams ?? []).map((p) => ({ name: p.name, in: "path", required: true, description: p.description, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9_.-]{0,99}$" } })),
      ...Object.entries(op.params).map(([name, schema]) => {
        const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
        delete json.$schema;
        return { name, in: "query", required: false, description: schema.description, schema: json };
      }),
    ];
    const content = op.ok.schema ? { "application/json": { schema: ref(op.ok.schema) } } : { [op.ok.mediaType!]: { schema: { type: "string" } } };
    const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
    paths[op.path] = {
      get: {
        summary: op.summary,
        parameters,
        responses: {
          "200": { description: op.ok.description, content },
          ...(parameters.length > 0 && op.path !== "/api/v1/badge/{id}.svg" ? { "400": error("a parameter was rejected; the body names it") } : {}),
          ...(op.notFound ? { "404": error("no tracked service has this id") } : {}),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kensa API",
      version: "1.0.0",
      description: "MCP readiness grades and benchmarks. Every figure comes from stored probe evidence; sandbox data is simulated and marked as such.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths,
    components: { schemas },
  };
}
