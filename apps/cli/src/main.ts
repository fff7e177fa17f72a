// `kensa <command>`: one table of subcommands, one place that turns errors into exit codes.
import type { Command } from "./command";
import { runCommand } from "./run-command";

// Loaded on demand: `kensa scan` in a vendor's CI should not pay for the worker, database and dashboard
// modules (about half a second of start-up, measured by bench/benchmarks/scan.ts).
const commandLoaders: Record<string, () => Promise<Command>> = {
  start: () => import("./commands/start").then((m) => m.startCommand),
  scan: () => import("./commands/scan").then((m) => m.scanCommand),
  worker: () => import("./commands/worker").then((m) => m.workerCommand),
  scheduler: () => import("./commands/scheduler").then((m) => m.schedulerCommand),
  reprobe: () => import("./commands/reprobe").then((m) => m.reprobeCommand),
  sandbox: () => import("./commands/sandbox").then((m) => m.sandboxCommand),
  probes: () => import("./commands/probes").then((m) => m.probesCommand),
  token: () => import("./commands/token").then((m) => m.tokenCommand),
  audit: () => import("./commands/audit").then((m) => m.auditCommand),
  db: () => import("./commands/db").then((m) => m.dbCommand),
  mcp: () => import("./commands/mcp").then((m) => m.mcpCommand),
};

export function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}

function help(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "kensa — readiness scoring and benchmarking for MCP servers",
    "",
    "usage: kensa <command> [options]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "kensa <command> --help shows a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(help(await loadCommands()));
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (!load) {
    console.error(`kensa: unknown command "${name}"\n\n${help(await loadCommands())}`);
    return 2;
  }
  return runCommand(await load(), rest);
}
