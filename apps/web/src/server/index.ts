export { createWebHandler, type WebHandler, type WebHandlerOptions } from "./create-web-handler";
export { provideDatabase, getDatabase } from "./database";
export { provideJobQueue } from "./job-queue";
export { buildWebApp, ensureWebBuild, webBuildIsStale } from "./build";
export { webMcpReads } from "../mcp/web-reads";
export { mcpTools, webMcpTools } from "../mcp/tools";
export { handleMcpRequest, handleServerCard } from "../mcp/mcp-route";
