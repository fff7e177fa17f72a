// get_trends: weekly success rate, latency and error classes for one category or one service.
import { ErrorClass, ServiceCategory } from "@kensa/core";
import { z } from "zod";
import { ServiceId, oneOf } from "../schemas/inputs";
import { SourceLabel, sourceLabel } from "../schemas/source-label";
import { defineTool, readOnly } from "../tool-registration";
import { unknownService } from "./get-service";

export const GetTrendsInput = z.strictObject({
  category: z.enum(ServiceCategory.options, { error: oneOf(ServiceCategory.options) }).optional()
    .describe("A service category: weekly figures summed over its services. Give this or service, not both."),
  service: ServiceId.optional().describe("A service id, e.g. \"slack\": weekly figures for that service. Give this or category, not both."),
  weeks: z.number({ error: "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(52, "at most 52").default(12)
    .describe("How many weeks back from the newest data, 1–52 (default 12)."),
});

const TrendPointOut = z.object({
  start: z.string().describe("first day of the bucket, YYYY-MM-DD"),
  end: z.string().describe("last day of the bucket, YYYY-MM-DD"),
  calls: z.number().int(),
  successRate: z.number().nullable().describe("null without calls"),
  p95Ms: z.number().nullable(),
  errorCounts: z.partialRecord(ErrorClass, z.number().int()).describe("failed calls per error class"),
  dataSource: SourceLabel,
});

export const GetTrendsOutput = z.object({
  scope: z.object({ kind: z.enum(["category", "service"]), id: z.string() }),
  from: z.string(),
  to: z.string(),
  serviceIds: z.array(z.string()).describe("the services whose figures are summed"),
  points: z.array(TrendPointOut).describe("weekly buckets, oldest first; weeks without data are left out"),
  dataSource: SourceLabel.describe("label of every point combined"),
});

export const getTrendsTool = defineTool({
  name: "get_trends",
  title: "Get trends",
  description:
    "Weekly MCP reliability trends from Kensa's daily rollups for one service category or one service: success rate, p95 latency and "
    + "failures per error class (auth_expired, invalid_input, rate_limited, …), each week labelled with its data source.",
  input: GetTrendsInput,
  output: GetTrendsOutput,
  annotations: readOnly,
  async run(args, context) {
    if ((args.category === undefined) === (args.service === undefined)) {
      return { ok: false, problem: { argument: args.category === undefined ? "category" : "service", message: "give exactly one of category or service", validChoices: ["category", "service"] } };
    }
    const scope = args.category !== undefined ? { kind: "category" as const, id: args.category } : { kind: "service" as const, id: args.service! };
    const trend = scope.kind === "category" ? await context.reads.categoryTrend(args.category!, args.weeks) : await context.reads.serviceTrend(scope.id, args.weeks);
    if (!trend) {
      if (scope.kind === "service") return { ok: false, problem: await unknownService("service", scope.id, context) };
      return { ok: false, problem: { argument: "category", message: `no tracked service is in the category "${scope.id}"`, hint: "Call search_services to see the categories in use." } };
    }
    const points = trend.points.map((p) => ({ start: p.start, end: p.end, calls: p.calls, successRate: p.successRate, p95Ms: p.p95Ms, errorCounts: p.errorCounts, dataSource: sourceLabel(...p.sources) }));
    const value = { scope, from: trend.from, to: trend.to, serviceIds: trend.serviceIds, points, dataSource: sourceLabel(...trend.points.flatMap((p) => p.sources)) };
    const lines = points.map((p) => `  ${p.start}: ${p.calls} calls, ${p.successRate === null ? "—" : `${(p.successRate * 100).toFixed(1)}%`} success, p95 ${p.p95Ms ?? "—"} ms`);
    return { ok: true, value, text: [`${scope.kind} ${scope.id}, ${trend.from} → ${trend.to} (${trend.serviceIds.length} services):`, ...lines, `Data source: ${value.dataSource.label}.`].join("\n") };
  },
});
