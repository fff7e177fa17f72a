// Kensa's MCP server as an agent meets it: the official SDK client over Streamable HTTP against the /mcp
// handler on a real listener, on a graded PGlite and PostgreSQL database. Answers are checked against the
// public API's for the same service (one data layer), and every bad argument is a tool error naming it.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METHODOLOGY_VERSION } from "@kensa/core";
import { countReportedOutcomes, createApiToken, type Database } from "@kensa/db";
import { createKensaMcpHttpHandler, createKensaMcpServer, defineTool, kensaReadTools, readOnly } from "@kensa/mcp";
import { z } from "zod";
import { databaseBackends, seedDashboard, serveFetch, type ServedFetch } from "@kensa/testkit";
import { serviceHandler } from "../api/handlers/service";
import { servicesHandler } from "../api/handlers/services";
import { ServiceDetail, ServiceList } from "../api/schemas";
import { mcpTools } from "./tools";
import { webMcpReads } from "./web-reads";

const ids = ["backlog", "chatwork", "freee", "kintone", "notion", "slack", "zoom"];
const toolNames = ["search_services", "get_service", "compare_services", "get_trends", "get_methodology"];
const base = "http://kensa.test";

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

describe.each(databaseBackends)("Kensa MCP server on $name", (backend) => {
  let db: Database;
  let served: ServedFetch;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
  const textOf = (r: ToolResult) => r.content.map((c) => c.text ?? "").join("\n");

  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    await seedDashboard(db, { ids, days: 21, endDay: "2026-11-20", live: 1 });
    served = await serveFetch(createKensaMcpHttpHandler({ reads: () => webMcpReads(db) }));
    client = new Client({ name: "kensa-test-agent", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${served.url}/mcp`)));
  });
  afterAll(async () => {
    await client?.close();
    await served?.close();
    await db?.close();
  });
  const run = it.skipIf(!backend.available);

  run("lists the five read tools, each read-only, described, with an output schema and described arguments", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(toolNames);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[A-Za-z0-9_.-]{1,128}$/);
      expect(tool.description!.length).toBeGreaterThan(60);
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
      expect(tool.outputSchema).toMatchObject({ type: "object" });
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, p] of Object.entries(properties)) expect(p.description, `${tool.name}.${name}`).toBeTruthy();
    }
    const getService = tools.find((t) => t.name === "get_service")!;
    expect(getService.inputSchema.required).toEqual(["id"]);
  });

  run("get_service slack answers its grade, score before and after caps, axes with evidence labels, and the data source", async () => {
    const result = await call("get_service", { id: "slack" });
    expect(result.isError).toBeFalsy();
    const api = ServiceDetail.parse(await (await serviceHandler(db, new URL("/api/v1/services/slack", base), { id: "slack" })).json());
    const s = result.structuredContent as { grade: { grade: string; score: number; scoreBeforeCaps: number }; axes: { name: string; evidence: string; score: number | null }[]; dataSource: { source: string; simulated: boolean; label: string }; links: { page: string }; caps: unknown[] };
    expect(s.grade).toMatchObject({ grade: api.grade!.grade, score: api.grade!.score, scoreBeforeCaps: api.grade!.scoreBeforeCaps });
    expect(s.axes.map((a) => [a.name, a.evidence, a.score])).toEqual(api.axes.map((a) => [a.name, a.evidence, a.score]));
    expect(s.caps).toHaveLength(api.caps.length);
    expect(s.dataSource).toMatchObject({ source: api.source, simulated: api.source === "sandbox" });
    expect(s.links.page).toBe(`${served.url}/services/slack`);
    const text = textOf(result);
    expect(text).toContain(`${api.grade!.grade}, score`);
    expect(text).toContain("SIMULATED");
    for (const a of api.axes) expect(text).toContain(`${a.name}:`);
  });

  run("search_services applies the leaderboard's filters and paging, and agrees with the services API", async () => {
    const all = await call("search_services", { pageSize: 100 });
    const api = ServiceList.parse(await (await servicesHandler(db, new URL("/api/v1/services?pageSize=250", base))).json());
    const s = all.structuredContent as { total: number; services: { id: string; grade: { grade: string } | null; dataSource: { source: string } }[] };
    expect(s.total).toBe(ids.length);
    expect(s.services.map((x) => x.id)).toEqual(api.data.map((x) => x.id));
    const grade = s.services[0]!.grade!.grade;
    const some = (await call("search_services", { grade: [grade] })).structuredContent as typeof s;
    expect(some.services.length).toBeGreaterThan(0);
    expect(some.services.every((x) => x.grade?.grade === grade)).toBe(true);
    const live = (await call("search_services", { source: "live" })).structuredContent as typeof s & { dataSource: { simulated: boolean } };
    expect(live.services.map((x) => x.id)).toEqual(["backlog"]);
    expect(live.dataSource.simulated).toBe(false);
    const page = (await call("search_services", { pageSize: 3, page: 2 })).structuredContent as typeof s & { page: number; pages: number };
    expect(page).toMatchObject({ page: 2, pages: 3 });
    expect(page.services.map((x) => x.id)).toEqual(s.services.slice(3, 6).map((x) => x.id));
    const query = (await call("search_services", { query: "SLA" })).structuredContent as typeof s;
    expect(query.services.map((x) => x.id)).toEqual(["slack"]);
  });

  run("compare_services returns each service as get_service does and names the best score", async () => {
    const result = await call("compare_services", { ids: ["slack", "freee"] });
    expect(result.isError).toBeFalsy();
    const s = result.structuredContent as { services: { id: string; grade: { score: number } }[]; best: string };
    expect(s.services.map((x) => x.id)).toEqual(["slack", "freee"]);
    const one = (await call("get_service", { id: "freee" })).structuredContent;
    expect(s.services[1]).toEqual(one);
    expect(s.best).toBe([...s.services].sort((a, b) => b.grade.score - a.grade.score)[0]!.id);
  });

  run("get_trends gives weekly points for a service and for a category, each labelled with its data source", async () => {
    const service = (await call("get_trends", { service: "slack", weeks: 3 })).structuredContent as { points: { calls: number; dataSource: { simulated: boolean } }[]; serviceIds: string[] };
    expect(service.serviceIds).toEqual(["slack"]);
    expect(service.points.length).toBeGreaterThanOrEqual(3);
    expect(service.points.every((p) => p.calls > 0 && p.dataSource.simulated)).toBe(true);
    const category = await call("get_trends", { category: "communication" });
    const c = category.structuredContent as { serviceIds: string[]; points: { calls: number }[] };
    expect(c.serviceIds).toEqual(expect.arrayContaining(["chatwork", "slack"]));
    const sum = c.points.reduce((n, p) => n + p.calls, 0);
    const perService = await Promise.all(c.serviceIds.map(async (id) => ((await call("get_trends", { service: id })).structuredContent as { points: { calls: number }[] }).points.reduce((n, p) => n + p.calls, 0)));
    expect(sum).toBe(perService.reduce((a, b) => a + b, 0));
  });

  run("get_methodology and the resources: the methodology document and each service's report", async () => {
    const m = (await call("get_methodology", {})).structuredContent as { version: string; axes: { weight: number }[]; document: { uri: string } };
    expect(m.version).toBe(METHODOLOGY_VERSION);
    expect(m.axes.reduce((n, a) => n + a.weight, 0)).toBe(100);
    const doc = await client.readResource({ uri: m.document.uri });
    expect((doc.contents[0] as { text: string }).text).toMatch(/^# /m);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining(["kensa://methodology", "kensa://services/slack/report"]));
    const report = await client.readResource({ uri: "kensa://services/slack/report" });
    expect(JSON.parse((report.contents[0] as { text: string }).text)).toEqual((await call("get_service", { id: "slack" })).structuredContent);
    await expect(client.readResource({ uri: "kensa://services/nope/report" })).rejects.toThrow(/nope/);
  });

  run("a client negotiating the 2026-07-28 era is served the same tools and answers", async () => {
    const modern = new Client({ name: "kensa-test-agent", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
    await modern.connect(new StreamableHTTPClientTransport(new URL(`${served.url}/mcp`)));
    try {
      expect(modern.getProtocolEra()).toBe("modern");
      expect((await modern.listTools()).tools.map((t) => t.name)).toEqual(toolNames);
      const r = (await modern.callTool({ name: "get_service", arguments: { id: "slack" } })) as ToolResult;
      expect(r.structuredContent).toEqual((await call("get_service", { id: "slack" })).structuredContent);
    } finally {
      await modern.close();
    }
  });

  // Item 5 of issue 16: bad input on the read tools is a tool result with isError naming the argument.
  run.for([
    ["unknown id", "get_service", { id: "slak" }, "id", /no tracked service has the id "slak".*slack.*search_services/s],
    ["id of the wrong type", "get_service", { id: 42 }, "id", /id: expected a service id/],
    ["missing id", "get_service", {}, "id", /id: expected a service id/],
    ["id that is not a slug", "get_service", { id: "Slack Technologies" }, "id", /lower-case service id/],
    ["unknown argument", "get_service", { id: "slack", verbose: true }, "verbose", /verbose/],
    ["too many compare ids", "compare_services", { ids: ["slack", "freee", "zoom", "notion", "kintone", "backlog"] }, "ids", /ids: give at most 5 service ids/],
    ["one compare id", "compare_services", { ids: ["slack"] }, "ids", /ids: give at least 2/],
    ["repeated compare ids", "compare_services", { ids: ["slack", "slack"] }, "ids", /each service id at most once/],
    ["an unknown id among compared", "compare_services", { ids: ["slack", "nope"] }, "ids[1]", /"ids\[1\]".*no tracked service has the id "nope"/s],
    ["oversized query", "search_services", { query: "x".repeat(5000) }, "query", /query: at most 100 characters/],
    ["unknown category", "search_services", { category: ["astrology"] }, "category", /category\.0: expected one of accounting, .*communication/],
    ["grade of the wrong type", "search_services", { grade: "AAA" }, "grade", /grade: expected a list of grades/],
    ["unknown window", "search_services", { window: 14 }, "window", /window: expected one of 7, 30, 90/],
    ["page size too large", "search_services", { pageSize: 10_000 }, "pageSize", /pageSize: at most 100/],
    ["neither category nor service", "get_trends", {}, "category", /give exactly one of category or service/],
    ["both category and service", "get_trends", { category: "communication", service: "slack" }, "service", /give exactly one of category or service/],
    ["unknown trend service", "get_trends", { service: "nope" }, "service", /no tracked service has the id "nope"/],
    ["a category nobody is in", "get_trends", { category: "legal" }, "category", /no tracked service is in the category "legal"/],
  ] as const)("%s is a tool error naming the argument", async ([, tool, args, argument, message]) => {
    const result = await call(tool, args as Record<string, unknown>);
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(message);
    expect(text).toContain(argument);
  });

  run("an unknown id's tool error carries the argument and choices as structured content", async () => {
    const result = await call("get_service", { id: "slak" });
    expect(result.structuredContent).toMatchObject({ error: { argument: "id", validChoices: expect.arrayContaining(["slack"]), hint: expect.stringContaining("search_services") } });
  });

  run("a flood of arguments and an oversized body are refused, and the server keeps answering", async () => {
    const flood = await call("compare_services", { ids: Array.from({ length: 5000 }, (_, i) => `svc-${i}`) });
    expect(flood.isError).toBe(true);
    expect(textOf(flood)).toMatch(/more than the maximum of 200 elements|at most 5/);
    const big = await fetch(`${served.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "search_services", arguments: { query: "x".repeat(200_000) } } }),
    });
    expect(big.status).toBe(413);
    expect((await call("get_service", { id: "slack" })).isError).toBeFalsy();
  });

  run("continues the caller's W3C trace: same trace id, a span of its own, in the result's _meta", async () => {
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const result = (await client.callTool({ name: "get_methodology", arguments: {}, _meta: { traceparent } })) as ToolResult & { _meta?: { traceparent?: string } };
    const [version, trace, span, flags] = result._meta!.traceparent!.split("-");
    expect([version, trace, flags]).toEqual(["00", "4bf92f3577b34da6a3ce929d0e0e4736", "01"]);
    expect(span).toMatch(/^[0-9a-f]{16}$/);
    expect(span).not.toBe("00f067aa0ba902b7");
    const malformed = (await client.callTool({ name: "get_methodology", arguments: {}, _meta: { traceparent: "not-a-trace" } })) as { _meta?: unknown };
    expect(malformed._meta).toBeUndefined();
  });

  run("a host adds a tool registration beside the read tools (the seam report_outcome uses), and names stay unique", async () => {
    const hostTool = defineTool({
      name: "host_echo",
      title: "Host echo",
      description: "Echoes its text: a stand-in for a tool the host registers beside Kensa's read tools.",
      input: z.strictObject({ text: z.string().max(20).describe("text to echo") }),
      output: z.object({ text: z.string() }),
      annotations: readOnly,
      run: async ({ text }) => ({ ok: true, value: { text }, text }),
    });
    const host = await serveFetch(createKensaMcpHttpHandler({ reads: () => webMcpReads(db), tools: [...mcpTools(async () => db), hostTool] }));
    const other = new Client({ name: "kensa-test-agent", version: "1.0.0" });
    try {
      await other.connect(new StreamableHTTPClientTransport(new URL(`${host.url}/mcp`)));
      expect((await other.listTools()).tools.map((t) => t.name)).toEqual([...toolNames, "host_echo"]);
      expect(((await other.callTool({ name: "host_echo", arguments: { text: "hi" } })) as ToolResult).structuredContent).toEqual({ text: "hi" });
    } finally {
      await other.close();
      await host.close();
    }
    expect(() => createKensaMcpServer({ reads: webMcpReads(db), tools: [...kensaReadTools, kensaReadTools[1]!] })).toThrow(/two tool registrations are named get_service/);
  });

  run("report_outcome is listed to a bearer-token holder only, stores one reported outcome per report id, and refuses a token without the report scope", async () => {
    const host = await serveFetch(createKensaMcpHttpHandler({ reads: () => webMcpReads(db), tools: mcpTools(async () => db) }));
    const { token } = await createApiToken(db, { name: "agent-reporter", scopes: ["report"] });
    const { token: readToken } = await createApiToken(db, { name: "agent-reader", scopes: ["reprobe:*"] });
    const reporter = new Client({ name: "kensa-test-agent", version: "1.0.0" });
    const anonymous = new Client({ name: "kensa-test-agent", version: "1.0.0" });
    const wrongScope = new Client({ name: "kensa-test-agent", version: "1.0.0" });
    const report = { reportId: `mcp-${backend.name}-1`, serviceId: "freee", success: false, latencyMs: 420, errorClass: "auth_expired", workaround: "refreshed the token; mail me at someone@example.com" };
    try {
      await reporter.connect(new StreamableHTTPClientTransport(new URL(`${host.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      await anonymous.connect(new StreamableHTTPClientTransport(new URL(`${host.url}/mcp`)));
      await wrongScope.connect(new StreamableHTTPClientTransport(new URL(`${host.url}/mcp`), { requestInit: { headers: { authorization: `Bearer ${readToken}` } } }));
      expect((await anonymous.listTools()).tools.map((t) => t.name)).toEqual(toolNames);
      const tool = (await reporter.listTools()).tools.find((t) => t.name === "report_outcome")!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
      const before = await countReportedOutcomes(db, { serviceId: "freee" });
      const first = (await reporter.callTool({ name: "report_outcome", arguments: report })) as ToolResult;
      expect(first.isError).toBeFalsy();
      expect(first.structuredContent).toMatchObject({ status: "stored", reportId: report.reportId, serviceId: "freee" });
      const again = (await reporter.callTool({ name: "report_outcome", arguments: report })) as ToolResult;
      expect(again.structuredContent).toMatchObject({ status: "duplicate" });
      expect(await countReportedOutcomes(db, { serviceId: "freee" })).toBe(before + 1);
      const refused = (await wrongScope.callTool({ name: "report_outcome", arguments: { ...report, reportId: "scope-1" } })) as ToolResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/do not include report/);
      const unknown = (await reporter.callTool({ name: "report_outcome", arguments: { ...report, reportId: "bad-1", serviceId: "slak" } })) as ToolResult;
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/serviceId/);
      expect(await countReportedOutcomes(db, { serviceId: "freee" })).toBe(before + 1);
    } finally {
      await reporter.close();
      await anonymous.close();
      await wrongScope.close();
      await host.close();
    }
  });

  run("a browser page from another origin is refused (DNS rebinding)", async () => {
    const res = await fetch(`${served.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", origin: "http://evil.example" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });
    expect(res.status).toBe(403);
  });
});
