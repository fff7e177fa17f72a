// The shape every subcommand has; main.ts dispatches on `name`.
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code: 0 done, 1 a check failed (e.g. --fail-under), 2 bad usage. */
  run(argv: string[]): Promise<number>;
}

/** Bad usage: main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
