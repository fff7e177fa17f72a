// Watches a response body byte by byte as it streams: total bytes, JSON nesting depth, UTF-8 validity and
// (for event streams) the number of events. The first bound broken is returned as a violation so the
// fetch layer can cut the connection before the body is ever parsed.
import type { ProtocolViolation } from "@kensa/core";

export interface BodyBounds {
  maxBytes: number;
  maxDepth: number;
  maxEvents: number;
  /** Count events and reset the depth scan at event boundaries. */
  eventStream: boolean;
  /** Scan JSON depth and UTF-8 (JSON and event-stream bodies). */
  structured: boolean;
  /** Bytes of the body's start kept for the evidence excerpt. */
  keepBytes: number;
}

export interface BodyViolation {
  violation: ProtocolViolation;
  detail: string;
}

const LF = 0x0a, CR = 0x0d, QUOTE = 0x22, BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b, OPEN_BRACKET = 0x5b, CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

export class BodyInspector {
  bytes = 0;
  events = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private lineLength = 0;
  private eventHasContent = false;
  private lineIsComment = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;

  constructor(private readonly bounds: BodyBounds) {}

  /** Feed one chunk; returns the first bound it breaks, if any. */
  push(chunk: Uint8Array): BodyViolation | undefined {
    this.bytes += chunk.byteLength;
    if (this.keptBytes < this.bounds.keepBytes) {
      const slice = chunk.subarray(0, this.bounds.keepBytes - this.keptBytes);
      this.kept.push(Buffer.from(slice));
      this.keptBytes += slice.byteLength;
    }
    if (this.bytes > this.bounds.maxBytes) {
      return { violation: "too-large", detail: `response body passed ${this.bounds.maxBytes} bytes` };
    }
    if (!this.bounds.structured) return undefined;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      return { violation: "invalid-utf8", detail: `invalid UTF-8 within the first ${this.bytes} bytes` };
    }
    return this.scan(chunk);
  }

  /** The body ended: a truncated UTF-8 sequence at the very end is a violation too. */
  finish(): BodyViolation | undefined {
    if (!this.bounds.structured) return undefined;
    try {
      this.decoder.decode();
    } catch {
      return { violation: "invalid-utf8", detail: "the body ends inside a UTF-8 sequence" };
    }
    return undefined;
  }

  /** The body's first bytes (up to keepBytes), and whether there was more. */
  head(): { text: string; truncated: boolean } {
    const buffer = Buffer.concat(this.kept);
    return { text: new TextDecoder("utf-8").decode(buffer), truncated: this.bytes > buffer.byteLength };
  }

  private scan(chunk: Uint8Array): BodyViolation | undefined {
    const { maxDepth, maxEvents, eventStream } = this.bounds;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (eventStream) {
        if (byte === LF) {
          if (this.lineLength === 0) {
            if (this.eventHasContent && ++this.events > maxEvents) {
              return { violation: "too-many-events", detail: `event stream passed ${maxEvents} events` };
            }
            this.eventHasContent = false;
            this.depth = 0;
            this.inString = false;
            this.escaped = false;
          } else if (!this.lineIsComment) {
            this.eventHasContent = true;
          }
          this.lineLength = 0;
          continue;
        }
        // Comment lines (": keep-alive") dispatch nothing; they are bounded by bytes and time instead.
        if (this.lineLength === 0) this.lineIsComment = byte === 0x3a;
        if (byte !== CR) this.lineLength++;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (++this.depth > maxDepth) return { violation: "too-deep", detail: `JSON nesting passed ${maxDepth} levels` };
      } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && this.depth > 0) {
        this.depth--;
      }
    }
    return undefined;
  }
}
