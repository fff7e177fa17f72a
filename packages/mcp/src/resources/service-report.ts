// Each service's report as a resource (kensa://services/{id}/report): get_service's answer as JSON, listed
// for every tracked service. An unknown id is the SDK's resource-not-found error naming the URI.
import { ResourceNotFoundError, ResourceTemplate, type McpServer } from "@modelcontextprotocol/server";
import { reportUri, serviceReport } from "../schemas/service";
import type { ToolContext } from "../tool-registration";

export function registerServiceReportResource(server: McpServer, { reads, link }: ToolContext): void {
  server.registerResource(
    "service-report",
    new ResourceTemplate("kensa://services/{id}/report", {
      list: async () => ({ resources: (await reads.serviceIds()).map((id) => ({ uri: reportUri(id), name: `${id} report`, mimeType: "application/json" })) }),
      complete: { id: async (value) => (await reads.serviceIds()).filter((id) => id.startsWith(value)).slice(0, 50) },
    }),
    { title: "Service readiness report", description: "One service's grade, axes with evidence labels, caps, next-grade fixes and data-source label (JSON).", mimeType: "application/json" },
    async (uri, variables) => {
      const id = decodeURIComponent(String(variables.id));
      const facts = await reads.service(id);
      if (!facts) throw new ResourceNotFoundError(uri.href);
      return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(serviceReport(facts, link), null, 2) }] };
    },
  );
}
