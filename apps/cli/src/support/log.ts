// Structured one-line logs on stderr for the long-running roles; never a secret (callers pass ids, not values).
import type { Log } from "@kensa/worker";

export function lineLogger(quiet: ReadonlySet<string> = new Set(["probe.recorded"])): Log {
  return (event, fields = {}) => {
    if (quiet.has(event)) return;
    const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
    process.stderr.write(`${new Date().toISOString()} ${event} ${parts.join(" ")}\n`);
  };
}
