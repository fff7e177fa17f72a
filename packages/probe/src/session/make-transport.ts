// The SDK client transports, all wired to the guarded fetch: Streamable HTTP (no automatic reconnection:
// a probe records what happened instead of retrying), legacy HTTP+SSE, and stdio with a bounded read
// buffer and the child's stderr kept as a short, redacted tail.
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { FetchLike } from "../net/guarded-fetch";
import type { ProbeLimits } from "../limits";
import type { ProbeTarget } from "../types";

export type TransportKind = "streamable-http" | "sse" | "stdio";

export interface MadeTransport {
  transport: Transport;
  /** stdio only: the last lines the server wrote to stderr (unredacted; redact before use). */
  stderrTail?: () => string;
}

const STDERR_TAIL = 4_096;

export function makeTransport(kind: TransportKind, target: ProbeTarget, fetch: FetchLike, limits: ProbeLimits): MadeTransport {
  if (kind === "stdio") {
    if (target.kind !== "stdio") throw new Error("stdio transport needs a stdio target");
    const transport = new StdioClientTransport({
      command: target.command,
      args: target.args,
      ...(target.env ? { env: target.env } : {}),
      ...(target.cwd ? { cwd: target.cwd } : {}),
      stderr: "pipe",
      maxBufferSize: limits.maxResponseBytes,
    });
    let tail = "";
    transport.stderr?.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    return { transport, stderrTail: () => tail };
  }
  if (target.kind !== "http") throw new Error(`${kind} transport needs an http target`);
  const url = new URL(target.url);
  if (kind === "sse") return { transport: new SSEClientTransport(url, { fetch }) };
  return {
    transport: new StreamableHTTPClientTransport(url, {
      fetch,
      reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1_000, maxReconnectionDelay: 1_000, reconnectionDelayGrowFactor: 1 },
    }),
  };
}
