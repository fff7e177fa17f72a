// kensa reprobe <service-id> — asks a running Kensa (its HTTP API) to probe a service now, with an API token
// read from an environment variable (never from the command line, where it would land in shell history).
import { parseArgs } from "node:util";
import { UsageError, type Command } from "../command";
import { namedVariables, parseReprobeEnv } from "../config";

export const reprobeCommand: Command = {
  name: "reprobe",
  summary: "ask a running Kensa to re-probe a service now (needs an API token with reprobe scope)",
  usage: "kensa reprobe <service-id> [--url http://localhost:3000] [--token-env KENSA_API_TOKEN]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { url: { type: "string" }, "token-env": { type: "string", default: "KENSA_API_TOKEN" } },
    });
    const [serviceId, ...extra] = positionals;
    if (!serviceId || extra.length) throw new UsageError("expected exactly one service id");
    const variable = values["token-env"]!;
    const token = namedVariables()[variable];
    if (!token) throw new UsageError(`${variable} is not set: put an API token there (kensa token create, or .kensa/admin-token)`);
    const url = values.url ?? `http://localhost:${parseReprobeEnv().PORT}`;
    let base: URL;
    try {
      base = new URL(url);
    } catch {
      throw new UsageError(`--url "${url}" is not a URL`);
    }
    const response = await fetch(new URL(`/api/v1/services/${encodeURIComponent(serviceId)}/reprobe`, base), {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    }).catch((error: unknown) => {
      throw new UsageError(`cannot reach Kensa at ${base.origin}: ${(error as Error).cause ? String((error as { cause: unknown }).cause) : String(error)}`);
    });
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; idempotencyKey?: string };
    if (response.status === 202) {
      console.log(`re-probe of ${serviceId} queued (${body.idempotencyKey}); the service page shows the result within a minute`);
      return 0;
    }
    const retry = response.headers.get("retry-after");
    console.error(`kensa reprobe: ${response.status} ${body.error?.message ?? response.statusText}${retry ? ` (retry after ${retry} s)` : ""}`);
    return 1;
  },
};
