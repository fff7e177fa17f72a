// Running one subcommand: its --help, and the one place that turns its errors into exit codes.
import { isKensaError } from "@kensa/core";
import { UsageError, type Command } from "./command";

export async function runCommand(command: Command, args: string[]): Promise<number> {
  // Options after "--" belong to a command the subcommand runs (kensa scan --stdio -- server --help).
  const own = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  if (own.includes("--help") || own.includes("-h")) {
    console.log(`${command.summary}\n\nusage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
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
