// /api/openapi.json, generated from the same zod schemas the handlers validate with and answer in:
// response bodies from the schema registry, query parameters from each endpoint's parameter shape.
import { reprobesPerTokenPerHour } from "@kensa/services";
import { z } from "zod";
import { sessionCookieName } from "../server/session-cookie";
import { badgeParams } from "./handlers/badge";
import { distributionParams } from "./handlers/distribution";
import { historyParams } from "./handlers/history";
import { serviceIdPattern, serviceParams } from "./handlers/service";
import { filterParams, leaderboardParams } from "./leaderboard-params";
import type { ParamShape } from "./query-params";
import { apiRegistry } from "./schemas";

interface HeaderDoc {
  description: string;
  schema: { type: "string" | "integer"; minimum?: number };
}

/** An error answer: always the registry's Error body, sometimes with headers a client must read. */
interface ErrorDoc {
  description: string;
  headers?: Record<string, HeaderDoc>;
}

interface Operation {
  method: "get" | "post";
  path: string;
  summary: string;
  description?: string;
  params: ParamShape;
  pathParams?: { name: string; description: string }[];
  ok: { status: "200" | "202"; schema?: string; mediaType?: string; description: string };
  /** Other non-error answers (the dashboard form's redirect). */
  other?: Record<string, { description: string; headers?: Record<string, HeaderDoc> }>;
  errors: Record<string, ErrorDoc>;
  /** Alternatives: any one of these schemes is enough. */
  security?: (keyof typeof securitySchemes)[];
  formBody?: { name: string; description: string };
}

const idParam = { name: "id", description: "service id, e.g. freee" };
const rejected = { "400": { description: "a parameter was rejected; the body names it" } };
const unknownId = { "404": { description: "no tracked service has this id" } };

const securitySchemes = {
  bearerAuth: { type: "http", scheme: "bearer", description: "a Kensa API token (`kensa token create --scope reprobe:<service id>`)" },
  session: {
    type: "apiKey",
    in: "cookie",
    name: sessionCookieName,
    description: "the dashboard's signed-in session; its CSRF token must come too (form field `csrf` or header X-CSRF-Token), from the same origin",
  },
} as const;

const operations: Operation[] = [
  { method: "get", path: "/api/v1/services", summary: "Tracked services with grades and window figures (the leaderboard)", params: leaderboardParams, ok: { status: "200", schema: "ServiceList", description: "one page of services" }, errors: rejected },
  { method: "get", path: "/api/v1/services/{id}", summary: "One service: axes, caps, fixes, declared facts, findings, failures, grade history", params: serviceParams, pathParams: [idParam], ok: { status: "200", schema: "ServiceDetail", description: "the service" }, errors: { ...rejected, ...unknownId } },
  { method: "get", path: "/api/v1/services/{id}/history", summary: "Success, errors and latency percentiles over time, from daily rollups", params: historyParams, pathParams: [idParam], ok: { status: "200", schema: "ServiceHistory", description: "history buckets, each labelled with its data sources" }, errors: { ...rejected, ...unknownId } },
  { method: "get", path: "/api/v1/grades/distribution", summary: "How many services hold each grade, and how many are sandbox (simulated) data", params: distributionParams, ok: { status: "200", schema: "GradeDistribution", description: "grade and source counts" }, errors: rejected },
  { method: "get", path: "/api/v1/adoption", summary: "OAuth, SSO and IaC adoption by vendor origin: declared (sourced) beside simulated (sandbox profiles), each figure labelled", params: {}, ok: { status: "200", schema: "Adoption", description: "adoption figures, each with its basis" }, errors: {} },
  { method: "get", path: "/api/v1/export.csv", summary: "The leaderboard as CSV, filters applied, unpaged", params: filterParams, ok: { status: "200", mediaType: "text/csv", description: "CSV with a header row" }, errors: rejected },
  { method: "get", path: "/api/v1/badge/{id}.svg", summary: "Grade badge; a 'not graded' badge for unknown ids; with source=package, the vendor-package badge (name@version, tools listed), never a grade", params: badgeParams, pathParams: [idParam], ok: { status: "200", mediaType: "image/svg+xml", description: "SVG badge" }, errors: {} },
  { method: "get", path: "/api/health", summary: "Liveness and database reachability", params: {}, ok: { status: "200", schema: "Health", description: "alive" }, errors: {} },
  {
    method: "post",
    path: "/api/v1/services/{id}/reprobe",
    summary: "Probe one service now (authenticated, rate limited, audited)",
    description: `At most one probe per service per minute and ${reprobesPerTokenPerHour} requests per token per hour; every decision is written to the audit trail. The dashboard's form posts with its session and is answered 303.`,
    params: {},
    pathParams: [idParam],
    security: ["bearerAuth", "session"],
    formBody: { name: "csrf", description: "the session's CSRF token (dashboard form only)" },
    ok: { status: "202", schema: "ReprobeAccepted", description: "the probe is queued" },
    other: {
      "303": { description: "dashboard form: back to the service page with ?reprobe=<decision>", headers: { Location: { description: "/services/{id}?reprobe=accepted|rate_limited|forbidden|not_found|unavailable", schema: { type: "string" } } } },
    },
    errors: {
      "401": { description: "no credentials, or a token that is not a valid, unrevoked Kensa API token", headers: { "WWW-Authenticate": { description: 'Bearer realm="kensa"', schema: { type: "string" } } } },
      "403": { description: "the token's scopes do not include reprobe:<id> (answered before the id is looked up), or the form's CSRF token or origin is wrong" },
      "404": { description: "the id is not a service id, or no tracked service has it" },
      "429": { description: "the service was re-probed this minute, or the token used its hourly allowance", headers: { "Retry-After": { description: "seconds until a request can be accepted", schema: { type: "integer", minimum: 1 } } } },
      "503": { description: "the job queue is unavailable (none in this process, or it did not accept the job in time), or the database is" },
    },
  },
];

export function openApiDocument(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) delete s.$schema;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationDoc(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Kensa API",
      version: "1.0.0",
      description: "MCP readiness grades and benchmarks. Every figure comes from stored probe evidence; sandbox data is simulated and marked as such.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths,
    components: { schemas, securitySchemes },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operationDoc(op: Operation): Record<string, unknown> {
  const parameters = [
    ...(op.pathParams ?? []).map((p) => ({ name: p.name, in: "path", required: true, description: p.description, schema: { type: "string", pattern: serviceIdPattern.source } })),
    ...Object.entries(op.params).map(([name, schema]) => {
      const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
      delete json.$schema;
      return { name, in: "query", required: false, description: schema.description, schema: json };
    }),
  ];
  const content = op.ok.schema ? { "application/json": { schema: ref(op.ok.schema) } } : { [op.ok.mediaType!]: { schema: { type: "string" } } };
  const errors = Object.fromEntries(
    Object.entries(op.errors).map(([status, e]) => [status, { description: e.description, ...(e.headers ? { headers: e.headers } : {}), content: { "application/json": { schema: ref("Error") } } }]),
  );
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.security ? { security: op.security.map((scheme) => ({ [scheme]: [] })) } : {}),
    parameters,
    ...(op.formBody
      ? {
          requestBody: {
            required: false,
            content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { [op.formBody.name]: { type: "string", description: op.formBody.description } } } } },
          },
        }
      : {}),
    responses: { [op.ok.status]: { description: op.ok.description, content }, ...op.other, ...errors },
  };
}
