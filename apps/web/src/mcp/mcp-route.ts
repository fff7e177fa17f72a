// /mcp as a Next route handler, so `next start` and `kensa start` (which hosts the same Next app in its own
// process) serve it alike, on the dashboard's origin and with the database the dashboard uses.
import { createKensaMcpHttpHandler, kensaReadTools, type ToolRegistration } from "@kensa/mcp";
import { getDatabase } from "../server/database";
import { webMcpReads } from "./web-reads";

/** The tools /mcp serves: the public read tools (report_outcome joins here). */
export const webMcpTools: readonly ToolRegistration[] = kensaReadTools;

export const handleMcpRequest = createKensaMcpHttpHandler({
  reads: async () => webMcpReads(await getDatabase()),
  tools: webMcpTools,
});
