// The v2 SDK's HTTP client transports, wired to the guarded fetch: Streamable HTTP and legacy HTTP+SSE.
// Streamable HTTP reconnects a dropped GET (listening) stream as the spec says — after the server's `retry`,
// with Last-Event-ID — a bounded number of times; the listening stream never belongs to a step, so neither
// it nor its reconnection can hold up the steps after it (net/send-once.ts). stdio has its own transport
// (stdio/child-transport.ts): the child is isolated and bounded there.
import { SSEClientTransport, StreamableHTTPClientTransport, type Transport } from "@modelcontextprotocol/client";
import type { FetchLike } from "../net/guarded-fetch";
import type { ProbeTarget } from "../types";

export type TransportKind = "streamable-http" | "sse" | "stdio";

/** Reconnections of the listening stream per probe: enough to see a server's retry/Last-Event-ID behaviour. */
const LISTEN_RECONNECTS = 2;

export function makeTransport(kind: "streamable-http" | "sse", target: ProbeTarget, fetch: FetchLike): Transport {
  if (target.kind !== "http") throw new Error(`${kind} transport needs an http target`);
  const url = new URL(target.url);
  // Redirects: the SDK follows same-origin ones itself (asking fetch for them unfollowed); the guarded fetch
  // judges every hop (scheme, addresses, hop count).
  if (kind === "sse") return new SSEClientTransport(url, { fetch });
  return new StreamableHTTPClientTransport(url, {
    fetch,
    reconnectionOptions: { maxRetries: LISTEN_RECONNECTS, initialReconnectionDelay: 1_000, maxReconnectionDelay: 5_000, reconnectionDelayGrowFactor: 1.5 },
  });
}
