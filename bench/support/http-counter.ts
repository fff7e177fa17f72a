// Counts the HTTP requests this process's servers receive (node:diagnostics_channel), so a benchmark can
// show that its subject and its baseline sent comparable traffic to the same fleet.
import { subscribe, unsubscribe } from "node:diagnostics_channel";

export interface RequestCounter {
  readonly count: number;
  reset(): void;
  stop(): void;
}

export function countServerRequests(): RequestCounter {
  let count = 0;
  const onRequest = () => {
    count += 1;
  };
  subscribe("http.server.request.start", onRequest);
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    stop() {
      unsubscribe("http.server.request.start", onRequest);
    },
  };
}
