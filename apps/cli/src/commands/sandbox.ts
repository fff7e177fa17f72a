// kensa sandbox — the simulated fleet on its own: every catalogued service as a real MCP server on one
// loopback port, until Ctrl-C. Everything measured against it is sandbox data.
import { parseArgs } from "node:util";
import { loadCatalogue } from "@kensa/catalogue";
import { ControllableClock, startSandbox } from "@kensa/sandbox";
import { UsageError, type Command } from "../command";

function number(name: string, raw: string | undefined, check: (n: number) => boolean, expected: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} expects ${expected}, got "${raw}"`);
  return n;
}

export const sandboxCommand: Command = {
  name: "sandbox",
  summary: "serve the sandbox fleet: every catalogued service as a simulated MCP server on loopback",
  usage: "kensa sandbox [--port N] [--seed N] [--speed X] [--overlay env] [--token-for <service-id>]…",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { port: { type: "string" }, seed: { type: "string" }, speed: { type: "string" }, overlay: { type: "string" }, "token-for": { type: "string", multiple: true } },
    });
    const port = number("port", values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65_535, "a port number 0-65535") ?? 0;
    const seed = number("seed", values.seed, Number.isInteger, "an integer") ?? 1;
    const speed = number("speed", values.speed, (n) => n >= 0, "a clock speed >= 0 (1 = real time, 3600 = an hour a second)") ?? 1;
    const catalogue = await loadCatalogue({ overlay: values.overlay });
    const sandbox = await startSandbox({ catalogue: catalogue.entries, seed, port, clock: new ControllableClock({ speed }) });
    for (const id of values["token-for"] ?? []) {
      if (!catalogue.byId.has(id)) {
        await sandbox.close();
        throw new UsageError(`--token-for: no catalogued service "${id}"`);
      }
    }
    console.log(`kensa sandbox: ${sandbox.serviceIds.length} simulated services on ${sandbox.baseUrl} (seed ${seed}, clock speed ${speed})`);
    console.log(`  services:  ${sandbox.baseUrl}/s/<id>/mcp   via the reference gateway: ${sandbox.baseUrl}/g/<id>/mcp   list: ${sandbox.baseUrl}/`);
    for (const id of values["token-for"] ?? []) {
      const headers = sandbox.requestHeadersFor(id, "direct");
      const shown = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("; ") || "(no authentication)";
      console.log(`  ${id}: ${sandbox.targetFor(id, "direct").url}  ${shown}`);
    }
    console.log("  every result measured here is simulated sandbox data; Ctrl-C stops");
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await sandbox.close();
    console.log("kensa sandbox: stopped");
    return 0;
  },
};
