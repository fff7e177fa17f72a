// `kensa mcp`: the same server over stdio (both eras; the SDK pins one per connection).
import { serveStdio, type StdioServerHandle } from "@modelcontextprotocol/server/stdio";
import { createKensaMcpServer } from "./create-server";
import type { KensaReads } from "./reads";
import type { ToolRegistration } from "./tool-registration";

export interface KensaMcpStdioOptions {
  reads: KensaReads;
  tools?: readonly ToolRegistration[];
  origin?: string;
  onerror?: (error: Error) => void;
}

export function serveKensaMcpStdio(options: KensaMcpStdioOptions): StdioServerHandle {
  return serveStdio(
    () => createKensaMcpServer({ reads: options.reads, ...(options.origin ? { origin: options.origin } : {}), ...(options.tools ? { tools: options.tools } : {}) }),
    options.onerror ? { onerror: options.onerror } : {},
  );
}
