// The server's own time during a client's work: the union of the intervals in which this process's HTTP
// servers were answering a request (arrival to response finished), so overlapping requests count once.
// Long-lived event-stream GETs (a client listening for notifications) are not server work and are left out.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface ServerClock {
  /** Starts a new measurement window. */
  reset(): void;
  /** Busy milliseconds since the last reset, and the requests seen. */
  read(): { busyMs: number; requests: number };
  stop(): void;
}

export function watchServerTime(): ServerClock {
  let intervals: [number, number][] = [];
  let requests = 0;
  const onStart = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (request.method === "GET" && String(request.headers.accept ?? "").includes("text/event-stream")) return;
    requests += 1;
    const start = performance.now();
    const done = () => intervals.push([start, performance.now()]);
    response.once("close", done);
  };
  subscribe("http.server.request.start", onStart);
  return {
    reset() {
      intervals = [];
      requests = 0;
    },
    read() {
      const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
      let busy = 0;
      let end = -Infinity;
      for (const [s, e] of sorted) {
        if (e <= end) continue;
        busy += e - Math.max(s, end);
        end = e;
      }
      return { busyMs: busy, requests };
    },
    stop() {
      unsubscribe("http.server.request.start", onStart);
    },
  };
}
