// A pass-through Transport that watches the JSON-RPC traffic the SDK client exchanges: which request ids
// went out, what came back for them (result or error, `_meta` included), and responses to ids never sent.
// It lets the engine tell a server's error apart from one the client raised, and read what the SDK hides.
import type { JSONRPCMessage, Transport, TransportSendOptions } from "@modelcontextprotocol/client";

export type RequestId = string | number;

export interface ObservedResponse {
  id: RequestId;
  method: string;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export interface RecordingHooks {
  /** Deepest JSON nesting allowed in a message (HTTP bodies are also scanned before parsing). */
  maxDepth: number;
  /** A message nests deeper than allowed (stdio has no byte stream to scan before the SDK parses). */
  onTooDeep(): void;
  /** A response arrived for an id this client never sent. */
  onUnknownResponse(id: unknown): void;
  /** The transport could not parse or accept an incoming message. */
  onTransportError(error: Error): void;
}

export class RecordingTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport["onmessage"];
  private started = false;
  private readonly sent = new Map<RequestId, string>();
  private readonly outstanding = new Set<RequestId>();
  /** Responses by request id since the last `beginStep`. */
  private stepResponses = new Map<RequestId, ObservedResponse>();
  private stepRequests: RequestId[] = [];
  /** Answers during this step to ids never sent or already answered: JSON-RPC allows exactly one per request. */
  private stepAnomalies: string[] = [];
  /** The handshake's answer in whichever era: the `initialize` result, or the `server/discover` result. */
  initializeResult?: Record<string, unknown>;
  /** What `server/discover` answered (a result or an error), when it was sent on this transport. */
  discoverAnswer?: ObservedResponse;

  constructor(readonly inner: Transport, private readonly hooks: RecordingHooks) {
    inner.onclose = () => this.onclose?.();
    inner.onerror = (error) => {
      this.hooks.onTransportError(error);
      this.onerror?.(error);
    };
    inner.onmessage = (message, extra) => {
      this.observe(message);
      this.onmessage?.(message, extra);
    };
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  /** Streamable HTTP opens one POST per request; the v2 client cancels modern-era requests by aborting it. */
  get hasPerRequestStream(): boolean | undefined {
    return this.inner.hasPerRequestStream;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  setSupportedProtocolVersions(versions: string[]): void {
    this.inner.setSupportedProtocolVersions?.(versions);
  }

  /** Idempotent: the engine starts the transport in its own "connect" step before the client does. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if ("method" in message && "id" in message && message.id !== undefined) {
      this.sent.set(message.id, message.method);
      this.outstanding.add(message.id);
      this.stepRequests.push(message.id);
    }
    return this.inner.send(message, options);
  }

  /**
   * While held, the SDK client's close() (it closes its transport when a handshake fails) leaves the channel
   * open: a stdio server has one process life, and a refused `initialize` is followed by `server/discover`
   * on the same pipe. The session closes the inner transport itself.
   */
  holdClose = false;

  close(): Promise<void> {
    if (this.holdClose) return Promise.resolve();
    return this.inner.close();
  }

  beginStep(): void {
    this.stepResponses = new Map();
    this.stepRequests = [];
    this.stepAnomalies = [];
  }

  /** Responses seen during this step that answered nothing (unknown id) or answered a second time. */
  anomaliesThisStep(): readonly string[] {
    return this.stepAnomalies;
  }

  /** The responses to requests sent during the current step, in the order the requests were sent. */
  responsesThisStep(): ObservedResponse[] {
    return this.stepRequests.map((id) => this.stepResponses.get(id)).filter((r): r is ObservedResponse => r !== undefined);
  }

  /** Requests of this step still waiting for an answer. */
  pendingThisStep(): boolean {
    return this.stepRequests.some((id) => this.outstanding.has(id));
  }

  private observe(message: JSONRPCMessage): void {
    if (nestsDeeperThan(message, this.hooks.maxDepth)) this.hooks.onTooDeep();
    if ("method" in message || !("id" in message)) return;
    const id = message.id as RequestId;
    const method = this.sent.get(id);
    if (method === undefined) {
      this.stepAnomalies.push(`a response arrived for id ${JSON.stringify(id)}, which was never sent`);
      return this.hooks.onUnknownResponse(id);
    }
    if (!this.outstanding.has(id)) {
      this.stepAnomalies.push(`a second response arrived for id ${JSON.stringify(id)} (${method})`);
      return;
    }
    this.outstanding.delete(id);
    const observed: ObservedResponse = { id, method };
    if ("result" in message) observed.result = message.result as Record<string, unknown>;
    if ("error" in message) observed.error = message.error as ObservedResponse["error"];
    this.stepResponses.set(id, observed);
    if (method === "initialize" && observed.result) this.initializeResult = observed.result;
    if (method === "server/discover" && Array.isArray(observed.result?.supportedVersions)) this.initializeResult = observed.result;
    if (method === "server/discover") this.discoverAnswer = observed;
  }
}

/** Iterative, so a hostile message cannot exhaust the stack while being measured. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
