// The server card (SEP-2127, /.well-known/mcp/server-card.json beside the endpoint): name, version,
// transport and tools as the server itself reports them, so a registry or a client can check one against
// the other before connecting.
import { serverInfo } from "./create-server";
import { requestOrigin } from "./request-origin";
import type { ToolRegistration } from "./tool-registration";

export const serverCardPath = "/.well-known/mcp/server-card.json";

export function serverCard(origin: string, tools: readonly ToolRegistration[]): Record<string, unknown> {
  return {
    name: serverInfo.name,
    title: serverInfo.title,
    version: serverInfo.version,
    description: "MCP-readiness grades of SaaS vendors' MCP servers, with their evidence: search, compare, trends, methodology.",
    remotes: [{ type: "streamable-http", url: `${origin.replace(/\/$/, "")}/mcp` }],
    tools: tools.map((t) => t.name),
  };
}

/** GET handler for the card: its remote is /mcp on the origin the client reached. */
export function serverCardResponse(request: Request, tools: readonly ToolRegistration[]): Response {
  return Response.json(serverCard(requestOrigin(request), tools), { headers: { "cache-control": "public, max-age=300" } });
}
