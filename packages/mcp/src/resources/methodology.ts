// The methodology document as an MCP resource: the same docs/methodology.md the dashboard renders.
import type { McpServer } from "@modelcontextprotocol/server";
import type { ToolContext } from "../tool-registration";

export const methodologyUri = "kensa://methodology";

export function registerMethodologyResource(server: McpServer, { reads }: ToolContext): void {
  server.registerResource(
    "methodology",
    methodologyUri,
    { title: "Kensa grading methodology", description: "How Kensa grades MCP readiness: axes, weights, caps, evidence labels, data sources (markdown).", mimeType: "text/markdown" },
    async (uri) => {
      const text = (await reads.methodologyDocument()) ?? "The methodology document is not shipped with this deployment: see get_methodology.";
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text }] };
    },
  );
}
