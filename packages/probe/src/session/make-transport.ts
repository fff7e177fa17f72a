// The SDK's HTTP client transports, wired to the guarded fetch: Streamable HTTP (no automatic reconnection:
// a probe records what happened instead of retrying) and legacy HTTP+SSE. stdio has its own transport
// (stdio/child-transport.ts): the child is isolated and bounded there.
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { FetchLike } from "../net/guarded-fetch";
import type { ProbeTarget } from "../types";

export type TransportKind = "streamable-http" | "sse" | "stdio";

export function makeTransport(kind: "streamable-http" | "sse", target: ProbeTarget, fetch: FetchLike): Transport {
  if (target.kind !== "http") throw new Error(`${kind} transport needs an http target`);
  const url = new URL(target.url);
  if (kind === "sse") return new SSEClientTransport(url, { fetch });
  return new StreamableHTTPClientTransport(url, {
    fetch,
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1_000, maxReconnectionDelay: 1_000, reconnectionDelayGrowFactor: 1 },
  });
}
