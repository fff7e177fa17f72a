// @kensa/mcp: Kensa's own MCP server — the read tools and resources agents use to choose a SaaS by its
// MCP readiness — served over Streamable HTTP (/mcp on the dashboard) and stdio (`kensa mcp`).
export { createKensaMcpServer, kensaReadTools, serverInfo, type KensaServerOptions } from "./create-server";
export { createKensaMcpHttpHandler, type KensaMcpHttpOptions } from "./http-handler";
export { serveKensaMcpStdio, type KensaMcpStdioOptions } from "./stdio";
export { defineTool, readOnly, type ToolContext, type ToolOutcome, type ToolRegistration, type ToolSpec } from "./tool-registration";
export { toolAnswer, toolError, type ArgumentProblem } from "./tool-result";
export { sourceLabel, sourceSentence, SourceLabel } from "./schemas/source-label";
export { windowChoices, type KensaReads, type ServiceFacts, type ServicePage, type ServiceRow, type ServiceSearch, type Trend, type TrendPoint, type WindowDays } from "./reads";
export { compareLimits } from "./tools/compare-services";
export { serverCard, serverCardPath, serverCardResponse } from "./server-card";
