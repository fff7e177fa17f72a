// The few fields of an OTLP span the reported-evidence mapping reads, whichever encoding (JSON or protobuf)
// it arrived in. Attributes are flattened to scalars: arrays and maps are not used by the MCP conventions
// Kensa maps, so they are dropped rather than half-read.
export type AttributeValue = string | number | boolean;

export interface OtlpSpan {
  /** Lower-case hex, as OTLP/JSON writes it. */
  traceId: string;
  spanId: string;
  name: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, AttributeValue>;
  /** The resource's attributes (service.name, and kensa.service.id when a team sets it there). */
  resource: Record<string, AttributeValue>;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
}

/** Why an OTLP body could not be read at all (the whole request is rejected, nothing is stored). */
export class OtlpDecodeError extends Error {
  override readonly name = "OtlpDecodeError";
}

/** Bounds that keep a hostile body from costing more than its size. */
export const otlpLimits = { maxSpans: 5_000, maxAttributes: 256, maxStringBytes: 8_192 } as const;
