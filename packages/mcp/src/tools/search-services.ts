// search_services: the leaderboard's filters and paging over every tracked service.
import { AuthMethod, DataSource, dataSourceOrder, gradeOrder, ServiceCategory } from "@kensa/core";
import { z } from "zod";
import { windowChoices } from "../reads";
import { enumList, oneOf } from "../schemas/inputs";
import { briefLine, serviceBrief, ServiceBrief } from "../schemas/service";
import { SourceLabel, sourceLabel } from "../schemas/source-label";
import { defineTool, readOnly } from "../tool-registration";

const gradeChoices = [...gradeOrder, "ungraded"] as const;

export const SearchServicesInput = z.strictObject({
  query: z.string({ error: "expected text" }).max(100, "at most 100 characters").optional()
    .describe("Text to find in the service id, English or Japanese name, or vendor (case-insensitive substring)."),
  category: enumList(ServiceCategory.options, "categories").optional().describe("Only services in these categories."),
  grade: enumList(gradeChoices, "grades").optional().describe("Only services whose newest grade is one of these (\"ungraded\" for services without one)."),
  auth: enumList(AuthMethod.options, "auth methods").optional().describe("Only services using one of these auth methods (declared, or observed where undeclared)."),
  sso: z.boolean({ error: "expected true or false" }).optional().describe("true: only services declaring enterprise SSO (SAML, OIDC, ID-JAG); false: only those without."),
  iac: z.boolean({ error: "expected true or false" }).optional().describe("true: only services with a declared Terraform or Pulumi provider; false: only those without."),
  source: z.enum(dataSourceOrder, { error: oneOf(dataSourceOrder) }).optional()
    .describe("Only services whose figures carry this data-source label (sandbox = simulated by Kensa, live = observed on the vendor's endpoint)."),
  window: z.union(windowChoices.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>], { error: oneOf(windowChoices) })
    .default(30).describe("Days of history the success rate and latency figures cover: 7, 30 or 90 (default 30)."),
  page: z.number({ error: "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(10_000, "at most 10000").default(1)
    .describe("Page number, from 1 (default 1)."),
  pageSize: z.number({ error: "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(100, "at most 100").default(20)
    .describe("Services per page, 1–100 (default 20)."),
});

export const SearchServicesOutput = z.object({
  asOf: z.string().nullable().describe("newest day of data (YYYY-MM-DD); null before the first probe"),
  total: z.number().int().describe("services matching the filters"),
  page: z.number().int(),
  pages: z.number().int(),
  pageSize: z.number().int(),
  services: z.array(ServiceBrief).describe("best grade first"),
  dataSource: SourceLabel.describe("label of every figure on this page combined"),
});

export const searchServicesTool = defineTool({
  name: "search_services",
  title: "Search services",
  description:
    "Find SaaS services Kensa grades for MCP readiness, filtered like the leaderboard (text, category, grade, auth method, SSO, IaC, data source) "
    + "and paged, best grade first. Returns each service's id (for get_service, compare_services, get_trends), grade, success rate and data-source label.",
  input: SearchServicesInput,
  output: SearchServicesOutput,
  annotations: readOnly,
  async run(args, { reads, link }) {
    const found = await reads.searchServices({
      query: args.query?.trim() || undefined,
      category: args.category ?? [],
      grade: args.grade ?? [],
      auth: args.auth ?? [],
      sso: args.sso,
      iac: args.iac,
      source: args.source as DataSource | undefined,
      window: args.window,
      page: args.page,
      pageSize: args.pageSize,
    });
    const services = found.rows.map((r) => serviceBrief(r, link));
    const value = {
      asOf: found.asOf, total: found.total, page: found.page, pages: found.pages, pageSize: args.pageSize, services,
      dataSource: sourceLabel(...found.rows.map((r) => r.source)),
    };
    const head = `${found.total} services match (page ${found.page} of ${found.pages}${found.asOf ? `, data as of ${found.asOf}` : ""}).`;
    return { ok: true, value, text: [head, ...services.map(briefLine)].join("\n") };
  },
});
