// One stdio server for one probe run: its isolated launch and its transport, what the engine records
// when the process ends (a process-exit outcome, never a network error), and the run's isolation evidence.
import type { StdioIsolation, StepOutcome } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import type { WireFailure } from "../net/wire";
import type { ProbeLimits } from "../limits";
import type { ProbeTarget } from "../types";
import { ChildProcessTransport } from "./child-transport";
import { prepareIsolation, type IsolatedLaunch } from "./isolation";

const CLOSE_GRACE_MS = 1_500;

export interface StdioChild {
  launch: IsolatedLaunch;
  transport: ChildProcessTransport;
}

export async function prepareStdioChild(target: Extract<ProbeTarget, { kind: "stdio" }>, limits: ProbeLimits, redactor: Redactor): Promise<StdioChild> {
  // We cannot know which of the given values are secrets: none of them becomes evidence.
  for (const value of Object.values(target.env ?? {})) redactor.add(value);
  const launch = await prepareIsolation({
    command: target.command,
    args: target.args,
    ...(target.env ? { env: target.env } : {}),
    network: target.network ?? "cut",
    memoryMb: limits.stdioMemoryMb,
  });
  const transport = new ChildProcessTransport(launch, {
    maxMessageBytes: limits.maxResponseBytes,
    maxNonProtocolBytes: limits.stdioNonProtocolBytes,
    maxStderrBytes: limits.stdioStderrBytes,
    maxMemoryBytes: limits.stdioMemoryMb * 1024 * 1024,
    closeGraceMs: CLOSE_GRACE_MS,
  });
  return { launch, transport };
}

/**
 * The outcome of a failed step once the process has ended (or could not start); undefined while it runs.
 * A bound that tripped first keeps its outcome, except a non-JSON line before initialize: a server that
 * prints why it cannot start on stdout and exits is judged by why it exited (its lines are in `stderr`).
 */
export function processExitOutcome(child: StdioChild, initialized: boolean, failure: WireFailure | undefined, redactor: Redactor, maxChars: number): StepOutcome | undefined {
  const exit = child.transport.exited();
  if (!exit) return undefined;
  const printedThenExited = !initialized && failure?.kind === "protocol-violation" && (failure.violation === "malformed-json" || failure.violation === "invalid-jsonrpc");
  if (failure && !printedThenExited) return undefined;
  const stdout = child.transport.nonProtocolStdout();
  const words = `${child.transport.stderr()}${stdout ? `\n[stdout, not JSON-RPC] ${stdout}` : ""}`;
  return {
    kind: "process-exit",
    phase: initialized ? "session" : "start",
    exitCode: exit.exitCode,
    signal: exit.signal,
    stderr: redactor.excerpt(words, maxChars),
    ...(exit.stoppedFor ? { stoppedFor: exit.stoppedFor } : {}),
    ...(exit.spawnError ? { spawnError: exit.spawnError } : {}),
  };
}

export function stdioEvidence(child: StdioChild, redactor: Redactor, maxChars: number): StdioIsolation {
  const stderr = child.transport.stderr();
  return { ...child.launch.evidence, ...child.transport.evidence(), ...(stderr ? { stderr: redactor.excerpt(stderr, maxChars) } : {}) };
}

/** Stops the process group if it still runs, then removes its temporary folder. */
export async function disposeStdioChild(child: StdioChild): Promise<void> {
  await child.transport.close().catch(() => undefined);
  await child.launch.dispose().catch(() => undefined);
}
