// `kensa <command>`: one table of subcommands, one place that turns errors into exit codes.
import { isKensaError } from "@kensa/core";
import { UsageError, type Command } from "./command";
import { auditCommand } from "./commands/audit";
import { dbCommand } from "./commands/db";
import { probesCommand } from "./commands/probes";
import { reprobeCommand } from "./commands/reprobe";
import { sandboxCommand } from "./commands/sandbox";
import { scanCommand } from "./commands/scan";
import { schedulerCommand } from "./commands/scheduler";
import { startCommand } from "./commands/start";
import { tokenCommand } from "./commands/token";
import { workerCommand } from "./commands/worker";

export const commands: Command[] = [startCommand, scanCommand, workerCommand, schedulerCommand, reprobeCommand, sandboxCommand, probesCommand, tokenCommand, auditCommand, dbCommand];

function help(): string {
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
    console.log(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`kensa: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  // Options after "--" belong to a command the subcommand runs (kensa scan --stdio -- server --help).
  const own = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (own.includes("--help") || own.includes("-h")) {
    console.log(`${command.summary}\n\nusage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`kensa ${command.name}: ${(error as Error).message}\nusage: ${command.usage}`);
      return 2;
    }
    if (isKensaError(error)) {
      console.error(`kensa ${command.name}: ${error.message}`);
      return error.code === "bad_config" ? 2 : 1;
    }
    throw error;
  }
}
