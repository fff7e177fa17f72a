// An MCP client transport over a server process of our own making: spawned in its own process group (so
// helpers it starts end with it), its stdout split into JSON-RPC lines with every bound enforced (one
// message's size, non-protocol bytes, stderr bytes, the group's memory), and closed the way the spec says —
// stdin closed first, then SIGTERM, then SIGKILL — to the whole group. How it ended is kept as evidence.
import { spawn, type ChildProcess } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { deserializeMessage, serializeMessage, type JSONRPCMessage, type Transport } from "@modelcontextprotocol/client";
import type { StdioIsolation, StepOutcome } from "@kensa/core";
import { groupRssBytes, procAvailable } from "./group-rss";
import type { IsolatedLaunch } from "./isolation";

export interface ChildBounds {
  /** One JSON-RPC line. */
  maxMessageBytes: number;
  /** Bytes of stdout that are not JSON-RPC before the process is stopped. */
  maxNonProtocolBytes: number;
  maxStderrBytes: number;
  maxMemoryBytes: number;
  /** Each stage of closing (stdin closed, SIGTERM) waits this long before the next. */
  closeGraceMs: number;
}

type StoppedFor = NonNullable<Extract<StepOutcome, { kind: "process-exit" }>["stoppedFor"]>;
export interface ChildExit {
  exitCode: number | null;
  signal: string | null;
  stoppedFor?: StoppedFor;
  spawnError?: string;
}

const STDERR_KEEP = 2_048;
const MEMORY_POLL_MS = 500;

export class ChildProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child?: ChildProcess;
  private exit?: ChildExit;
  private stoppedFor?: StoppedFor;
  private ended?: NonNullable<StdioIsolation["ended"]>;
  private closing = false;
  private closed?: Promise<void>;
  private buffer: Buffer[] = [];
  private bufferBytes = 0;
  private discarding = false;
  private nonProtocolBytes = 0;
  private nonProtocolTail = "";
  private stderrHead = "";
  private stderrTail = "";
  private stderrBytes = 0;
  private stderrChars = 0;
  private readonly stderrDecoder = new StringDecoder("utf8");
  private watchdog?: NodeJS.Timeout;

  constructor(private readonly launch: IsolatedLaunch, private readonly bounds: ChildBounds) {}

  async start(): Promise<void> {
    if (this.launch.spawnError) {
      this.exit = { exitCode: null, signal: null, spawnError: this.launch.spawnError };
      throw Object.assign(new Error(`spawn ${this.launch.command} ${this.launch.spawnError}`), { code: this.launch.spawnError });
    }
    const child = spawn(this.launch.command, this.launch.args, {
      env: this.launch.env as NodeJS.ProcessEnv, // Next's types (web builds this package) require NODE_ENV in ProcessEnv
      cwd: this.launch.cwd,
      stdio: ["pipe", "pipe", "pipe"],
      detached: process.platform !== "win32",
      shell: false,
      windowsHide: true,
    });
    this.child = child;
    this.closed = new Promise((resolve) => child.once("close", () => resolve()));
    child.once("exit", (code, signal) => {
      this.exit = { exitCode: code, signal, ...(this.stoppedFor ? { stoppedFor: this.stoppedFor } : {}) };
      if (!this.closing && !this.ended) this.ended = this.stoppedFor ? "bound" : "itself";
      clearInterval(this.watchdog);
      this.killGroup("SIGKILL"); // helpers it left behind end with it
    });
    child.once("close", () => this.onclose?.());
    child.stdin!.on("error", () => undefined); // EPIPE after it died: the exit tells the story
    child.stdout!.on("data", (chunk: Buffer) => this.readStdout(chunk));
    child.stderr!.on("data", (chunk: Buffer) => this.readStderr(chunk));
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      // Kept for the child's life: an 'error' event without a listener would crash the prober.
      child.on("error", (error: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) return; // after the spawn (e.g. a signal that could not be sent): the exit tells the story
        this.exit = { exitCode: null, signal: null, spawnError: error.code ?? "ERR_SPAWN" };
        reject(error);
      });
    });
    if (procAvailable() && child.pid !== undefined) {
      const pid = child.pid;
      this.watchdog = setInterval(() => {
        const rss = groupRssBytes(pid);
        if (rss !== undefined && rss > this.bounds.maxMemoryBytes) this.stop("memory");
      }, MEMORY_POLL_MS).unref();
    }
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.exit || !stdin.writable) return Promise.reject(new Error("Not connected"));
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once("drain", resolve);
    });
  }

  /** stdin closed, then SIGTERM, then SIGKILL, each after the grace period; always to the whole group. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || this.closing) return this.closed;
    this.closing = true;
    clearInterval(this.watchdog);
    if (!this.exit) {
      child.stdin?.end();
      if (await this.exitsWithin(this.bounds.closeGraceMs)) this.ended ??= "stdin-close";
      else {
        this.killGroup("SIGTERM");
        if (await this.exitsWithin(this.bounds.closeGraceMs)) this.ended ??= "SIGTERM";
        else {
          this.killGroup("SIGKILL");
          this.ended ??= "SIGKILL";
          await this.exitsWithin(this.bounds.closeGraceMs);
        }
      }
    }
    this.killGroup("SIGKILL");
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, this.bounds.closeGraceMs).unref())]);
  }

  /** Set once the process has ended (or could not start). */
  exited(): ChildExit | undefined {
    return this.exit;
  }

  /** The start and the end of what the process wrote to stderr (not yet redacted). */
  stderr(): string {
    const n = this.stderrChars;
    if (n <= STDERR_KEEP) return this.stderrHead;
    if (n <= STDERR_KEEP * 2) return this.stderrHead + this.stderrTail.slice(STDERR_KEEP * 2 - n);
    return `${this.stderrHead}\n…[${n - STDERR_KEEP * 2} characters]…\n${this.stderrTail}`;
  }

  /** The last lines on stdout that were not JSON-RPC (not yet redacted). */
  nonProtocolStdout(): string {
    return this.nonProtocolTail.trim();
  }

  evidence(): Pick<StdioIsolation, "ended" | "exitCode" | "signal" | "nonProtocolStdoutBytes"> {
    return {
      ...(this.ended ? { ended: this.ended } : {}),
      ...(this.exit && !this.exit.spawnError ? { exitCode: this.exit.exitCode, signal: this.exit.signal } : {}),
      nonProtocolStdoutBytes: this.nonProtocolBytes,
    };
  }

  private stop(reason: StoppedFor): void {
    if (this.stoppedFor || this.exit) return;
    this.stoppedFor = reason;
    this.ended = "bound";
    this.killGroup("SIGKILL");
  }

  private killGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === "win32") this.child!.kill(signal);
      else process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  private exitsWithin(ms: number): Promise<boolean> {
    if (this.exit) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      timer.unref();
      this.child!.once("exit", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private readStdout(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  }

  private take(part: Buffer): void {
    if (this.discarding) return this.countNonProtocol(part.length);
    this.buffer.push(part);
    this.bufferBytes += part.length;
    if (this.bufferBytes > this.bounds.maxMessageBytes) {
      // The same words the SDK's own reader uses: the engine maps them to a too-large violation.
      this.onerror?.(new Error(`ReadBuffer exceeded maximum size of ${this.bounds.maxMessageBytes} bytes`));
      this.countNonProtocol(this.bufferBytes);
      this.buffer = [];
      this.bufferBytes = 0;
      this.discarding = true;
    }
  }

  private endLine(): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    const line = Buffer.concat(this.buffer).toString("utf8").replace(/\r$/, "");
    const bytes = this.bufferBytes;
    this.buffer = [];
    this.bufferBytes = 0;
    if (line.trim() === "") return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (error) {
      this.nonProtocolTail = `${this.nonProtocolTail}${line.slice(0, STDERR_KEEP)}\n`.slice(-STDERR_KEEP);
      this.countNonProtocol(bytes);
      this.onerror?.(error as Error);
      return;
    }
    try {
      this.onmessage?.(message);
    } catch (error) {
      this.onerror?.(error as Error); // e.g. a message nested too deep for the SDK's own parsing
    }
  }

  private countNonProtocol(bytes: number): void {
    this.nonProtocolBytes += bytes;
    if (this.nonProtocolBytes > this.bounds.maxNonProtocolBytes) this.stop("stdout-flood");
  }

  private readStderr(chunk: Buffer): void {
    this.stderrBytes += chunk.length;
    const text = this.stderrDecoder.write(chunk);
    this.stderrChars += text.length;
    if (this.stderrHead.length < STDERR_KEEP) this.stderrHead += text.slice(0, STDERR_KEEP - this.stderrHead.length);
    this.stderrTail = (this.stderrTail + text).slice(-STDERR_KEEP);
    if (this.stderrBytes > this.bounds.maxStderrBytes) this.stop("stderr-flood");
  }
}
