// The tools Kensa's MCP server offers, over HTTP (/mcp) and stdio (kensa mcp) alike: the public read tools.
// report_outcome (a reporter-token write) joins this list.
import { kensaReadTools, type ToolRegistration } from "@kensa/mcp";

export const webMcpTools: readonly ToolRegistration[] = [...kensaReadTools];
