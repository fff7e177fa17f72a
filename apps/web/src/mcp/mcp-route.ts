// /mcp and its server card as Next route handlers, so `next start` and `kensa start` (which hosts the same
// Next app in its own process) serve them alike, on the dashboard's origin and with the dashboard's database.
import { createKensaMcpHttpHandler, kensaReadTools, serverCardResponse } from "@kensa/mcp";
import { getDatabase } from "../server/database";
import { webMcpTools } from "./tools";
import { webMcpReads } from "./web-reads";

export const handleMcpRequest = createKensaMcpHttpHandler({
  reads: async () => webMcpReads(await getDatabase()),
  tools: webMcpTools,
});

export async function handleServerCard(request: Request): Promise<Response> {
  // The card is public: it lists what an unauthenticated tools/list shows (report_outcome is listed to bearer holders only).
  return serverCardResponse(request, kensaReadTools);
}
