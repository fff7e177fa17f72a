// OTLP/HTTP protobuf (ExportTraceServiceRequest) → OtlpSpan[]. A reader of the protobuf wire format for the
// fields Kensa maps, written here because the OpenTelemetry JS packages ship a writer only and the
// collector's .proto files are not on the registry. Field numbers from opentelemetry-proto
// (trace/v1/trace.proto, common/v1/common.proto); unknown fields are skipped by wire type, as protobuf
// readers must. Every length is checked against the buffer, so a truncated or hostile body is an
// OtlpDecodeError, never an out-of-bounds read or a hang.
import { OtlpDecodeError, otlpLimits, type AttributeValue, type OtlpSpan } from "./otlp-span";

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new OtlpDecodeError("truncated varint");
      const byte = this.buf[this.pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new OtlpDecodeError("varint longer than 10 bytes");
  }

  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new OtlpDecodeError("truncated fixed64");
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getBigUint64(0, true);
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new OtlpDecodeError("truncated double");
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  bytes(): Uint8Array {
    const length = Number(this.varint());
    if (length < 0 || this.pos + length > this.end) throw new OtlpDecodeError("length-delimited field runs past its message");
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  sub(): Reader {
    const bytes = this.bytes();
    return new Reader(bytes);
  }

  /** Each field of this message: its number and wire type; the callback must consume or skip it. */
  *fields(): Generator<{ field: number; wire: number }> {
    while (!this.done) {
      const tag = Number(this.varint());
      yield { field: tag >>> 3, wire: tag & 7 };
    }
  }

  skip(wire: number): void {
    switch (wire) {
      case 0: this.varint(); return;
      case 1: this.pos += 8; break;
      case 2: this.bytes(); return;
      case 5: this.pos += 4; break;
      default: throw new OtlpDecodeError(`unsupported wire type ${wire}`);
    }
    if (this.pos > this.end) throw new OtlpDecodeError("truncated fixed-width field");
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
const text = (bytes: Uint8Array) => utf8.decode(bytes.length > otlpLimits.maxStringBytes ? bytes.subarray(0, otlpLimits.maxStringBytes) : bytes);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function anyValue(r: Reader): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  for (const { field, wire } of r.fields()) {
    if (field === 1 && wire === 2) value = text(r.bytes());
    else if (field === 2 && wire === 0) value = r.varint() !== 0n;
    else if (field === 3 && wire === 0) value = Number(BigInt.asIntN(64, r.varint()));
    else if (field === 4 && wire === 1) value = r.double();
    else r.skip(wire); // arrays, maps, bytes: not used by the conventions Kensa maps
  }
  return value;
}

function keyValue(r: Reader, into: Record<string, AttributeValue>): void {
  let key: string | undefined;
  let value: AttributeValue | undefined;
  for (const { field, wire } of r.fields()) {
    if (field === 1 && wire === 2) key = text(r.bytes());
    else if (field === 2 && wire === 2) value = anyValue(r.sub());
    else r.skip(wire);
  }
  if (key !== undefined && value !== undefined && Object.keys(into).length < otlpLimits.maxAttributes) into[key] = value;
}

function resource(r: Reader): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const { field, wire } of r.fields()) {
    if (field === 1 && wire === 2) keyValue(r.sub(), attributes);
    else r.skip(wire);
  }
  return attributes;
}

function span(r: Reader, resourceAttributes: Record<string, AttributeValue>): OtlpSpan {
  const s: OtlpSpan = { traceId: "", spanId: "", name: "", kind: 0, startNs: 0n, endNs: 0n, attributes: {}, resource: resourceAttributes, statusCode: 0 };
  for (const { field, wire } of r.fields()) {
    if (field === 1 && wire === 2) s.traceId = hex(r.bytes());
    else if (field === 2 && wire === 2) s.spanId = hex(r.bytes());
    else if (field === 5 && wire === 2) s.name = text(r.bytes());
    else if (field === 6 && wire === 0) s.kind = Number(r.varint());
    else if (field === 7 && wire === 1) s.startNs = r.fixed64();
    else if (field === 8 && wire === 1) s.endNs = r.fixed64();
    else if (field === 9 && wire === 2) keyValue(r.sub(), s.attributes);
    else if (field === 15 && wire === 2) {
      const status = r.sub();
      for (const f of status.fields()) {
        if (f.field === 3 && f.wire === 0) s.statusCode = Number(status.varint());
        else status.skip(f.wire);
      }
    } else r.skip(wire);
  }
  return s;
}

export function decodeOtlpProtobuf(body: Uint8Array): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  const request = new Reader(body);
  for (const { field, wire } of request.fields()) {
    if (field !== 1 || wire !== 2) { request.skip(wire); continue; }
    const resourceSpans = request.sub();
    let resourceAttributes: Record<string, AttributeValue> = {};
    const scopeSpansList: Reader[] = [];
    for (const f of resourceSpans.fields()) {
      if (f.field === 1 && f.wire === 2) resourceAttributes = resource(resourceSpans.sub());
      else if (f.field === 2 && f.wire === 2) scopeSpansList.push(resourceSpans.sub());
      else resourceSpans.skip(f.wire);
    }
    for (const scopeSpans of scopeSpansList) {
      for (const f of scopeSpans.fields()) {
        if (f.field === 2 && f.wire === 2) {
          if (spans.length >= otlpLimits.maxSpans) throw new OtlpDecodeError(`more than ${otlpLimits.maxSpans} spans in one request`);
          spans.push(span(scopeSpans.sub(), resourceAttributes));
        } else scopeSpans.skip(f.wire);
      }
    }
  }
  return spans;
}
