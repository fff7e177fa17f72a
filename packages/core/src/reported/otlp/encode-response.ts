// OTLP/HTTP answers in the request's encoding: ExportTraceServiceResponse (partial_success = field 1:
// rejected_spans = 1, error_message = 2) on success, google.rpc.Status (code = 1, message = 2) on failure.
// An empty protobuf body is a full success. Written by hand for the same reason the decoder is.
function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(Math.max(0, Math.trunc(n)));
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function stringField(field: number, value: string): number[] {
  const bytes = new TextEncoder().encode(value);
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes];
}

export function encodeExportTraceResponse(rejectedSpans: number, errorMessage: string): Uint8Array<ArrayBuffer> {
  if (rejectedSpans === 0 && errorMessage === "") return new Uint8Array();
  const partial = [...(rejectedSpans > 0 ? [...varint((1 << 3) | 0), ...varint(rejectedSpans)] : []), ...(errorMessage ? stringField(2, errorMessage) : [])];
  return new Uint8Array([...varint((1 << 3) | 2), ...varint(partial.length), ...partial]);
}

/** code: a google.rpc.Code (3 invalid argument, 7 permission denied, 8 resource exhausted, 16 unauthenticated). */
export function encodeRpcStatus(code: number, message: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array([...varint((1 << 3) | 0), ...varint(code), ...stringField(2, message)]);
}
