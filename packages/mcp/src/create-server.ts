// Kensa's MCP server: one fresh McpServer per serving unit (an HTTP request, a stdio connection), holding
// the read tools and resources over the reads port, plus whatever extra tool registrations the host adds.
import { McpServer } from "@modelcontextprotocol/server";
import type { KensaReads } from "./reads";
import { registerMethodologyResource } from "./resources/methodology";
import { registerServiceReportResource } from "./resources/service-report";
import type { ToolContext, ToolRegistration } from "./tool-registration";
import { compareServicesTool } from "./tools/compare-services";
import { getMethodologyTool } from "./tools/get-methodology";
import { getServiceTool } from "./tools/get-service";
import { getTrendsTool } from "./tools/get-trends";
import { searchServicesTool } from "./tools/search-services";

/** The public read tools, in the order tools/list shows them. */
export const kensaReadTools: readonly ToolRegistration[] = [searchServicesTool, getServiceTool, compareServicesTool, getTrendsTool, getMethodologyTool];

export const serverInfo = { name: "kensa", title: "Kensa — MCP readiness grades for SaaS", version: "1.0.0" } as const;

const instructions =
  "Kensa grades SaaS vendors' MCP servers for enterprise-agent readiness (AAA … D) from observed probes and sourced declarations. "
  + "Use search_services to find a service id, get_service for its grade and evidence, compare_services to choose between 2–5, "
  + "get_trends for reliability over time, get_methodology for how grades are computed. Every answer carries a data-source label: "
  + "sandbox figures are simulated by Kensa, not measurements of the vendor.";

/** Bounds one tools/call's arguments (array elements + object members): a flood is a tool error, not work. */
const maxToolInputElements = 200;

export interface KensaServerOptions {
  reads: KensaReads;
  /** The dashboard's public origin (e.g. http://localhost:3000) for absolute links; paths alone without it. */
  origin?: string;
  /** Defaults to the read tools; a host adds more (e.g. report_outcome) by passing [...kensaReadTools, tool]. */
  tools?: readonly ToolRegistration[];
  request?: Request;
}

export function createKensaMcpServer(options: KensaServerOptions): McpServer {
  const tools = options.tools ?? kensaReadTools;
  const names = tools.map((t) => t.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`two tool registrations are named ${duplicate}`);
  const server = new McpServer(serverInfo, { capabilities: { tools: {}, resources: {} }, instructions, maxToolInputElements });
  const origin = options.origin?.replace(/\/$/, "");
  const context: ToolContext = {
    reads: options.reads,
    link: (path) => (origin ? `${origin}${path}` : path),
    ...(options.request ? { request: options.request } : {}),
  };
  for (const tool of tools) tool.register(server, context);
  registerMethodologyResource(server, context);
  registerServiceReportResource(server, context);
  return server;
}
