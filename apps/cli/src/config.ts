// The environment the CLI's own commands read, here only. The worker roles (start, worker, scheduler) parse
// theirs with @kensa/worker's parseWorkerEnv, the database commands (db, token, audit) with @kensa/db's
// parseDatabaseEnv; this module imports neither, so kensa scan stays light.
import { z } from "zod";
import { parseEnv } from "@kensa/core";

/** kensa reprobe: where a Kensa on this machine serves its API by default. */
export const ReprobeEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});
export type ReprobeEnv = z.infer<typeof ReprobeEnv>;

export function parseReprobeEnv(env: Record<string, string | undefined> = process.env): ReprobeEnv {
  return parseEnv(ReprobeEnv, env);
}

/**
 * Variables a command line names (--bearer-env, --token-env): credentials, looked up by name when used and
 * never printed. No schema can list them, so they come from the process environment as it is.
 */
export function namedVariables(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/** kensa mcp: the dashboard origin its answers link to (KENSA_PUBLIC_URL, else this machine's dashboard on PORT). */
export const McpEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  KENSA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://kensa.example.com" }).optional(),
});
export type McpEnv = z.infer<typeof McpEnv>;

export function parseMcpEnv(env: Record<string, string | undefined> = process.env): McpEnv {
  return parseEnv(McpEnv, env);
}
