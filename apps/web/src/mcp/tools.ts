// The tools Kensa's MCP server offers, over HTTP (/mcp) and stdio (kensa mcp) alike: the public read tools
// and report_outcome (a reporter-token write, on the database the caller hands in).
import type { Database } from "@kensa/db";
import { kensaReadTools, type ToolRegistration } from "@kensa/mcp";
import { getDatabase } from "../server/database";
import { reportOutcomeRegistration } from "./report-outcome";

export function mcpTools(database: () => Promise<Database>): readonly ToolRegistration[] {
  return [...kensaReadTools, reportOutcomeRegistration(database)];
}

export const webMcpTools: readonly ToolRegistration[] = mcpTools(getDatabase);
