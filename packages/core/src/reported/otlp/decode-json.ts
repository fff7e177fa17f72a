// OTLP/HTTP JSON (ExportTraceServiceRequest, proto3 JSON mapping) → OtlpSpan[]. Lenient where the spec lets
// encoders differ (int64 as string or number, enum as number, ids as hex — or base64 from encoders that use
// the plain proto3 mapping), strict about shape: a body that is not the request is an OtlpDecodeError.
import { z } from "zod";
import { OtlpDecodeError, otlpLimits, type AttributeValue, type OtlpSpan } from "./otlp-span";

const Int64 = z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]);
const AnyValue = z.looseObject({
  stringValue: z.string().optional(),
  boolValue: z.boolean().optional(),
  intValue: Int64.optional(),
  doubleValue: z.number().optional(),
});
const KeyValue = z.looseObject({ key: z.string(), value: AnyValue.optional() });
const Attributes = z.array(KeyValue).max(otlpLimits.maxAttributes * 4).optional();
const JsonSpan = z.looseObject({
  traceId: z.string().max(64).default(""),
  spanId: z.string().max(32).default(""),
  name: z.string().max(otlpLimits.maxStringBytes).default(""),
  kind: z.number().int().min(0).max(5).default(0),
  startTimeUnixNano: Int64.default("0"),
  endTimeUnixNano: Int64.default("0"),
  attributes: Attributes,
  status: z.looseObject({ code: z.number().int().optional() }).optional(),
});
const ExportRequest = z.looseObject({
  resourceSpans: z.array(z.looseObject({
    resource: z.looseObject({ attributes: Attributes }).optional(),
    scopeSpans: z.array(z.looseObject({ spans: z.array(JsonSpan).optional() })).optional(),
  })).optional(),
});

function attributes(list: z.infer<typeof Attributes>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const { key, value } of list ?? []) {
    if (!value || Object.keys(out).length >= otlpLimits.maxAttributes) continue;
    const v = value.stringValue ?? value.boolValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue);
    if (v !== undefined) out[key] = typeof v === "string" ? v.slice(0, otlpLimits.maxStringBytes) : v;
  }
  return out;
}

/** Hex as the OTLP/JSON spec writes ids; base64 from encoders that kept the plain proto3 bytes mapping. */
function id(value: string, bytes: number): string {
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value)) return value.toLowerCase();
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    const decoded = atob(value);
    if (decoded.length === bytes) return Array.from(decoded, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
  }
  return "";
}

export function decodeOtlpJson(body: unknown): OtlpSpan[] {
  const parsed = ExportRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OtlpDecodeError(`not an OTLP ExportTraceServiceRequest: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const spans: OtlpSpan[] = [];
  for (const rs of parsed.data.resourceSpans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        if (spans.length >= otlpLimits.maxSpans) throw new OtlpDecodeError(`more than ${otlpLimits.maxSpans} spans in one request`);
        spans.push({
          traceId: id(s.traceId, 16),
          spanId: id(s.spanId, 8),
          name: s.name,
          kind: s.kind,
          startNs: BigInt(s.startTimeUnixNano),
          endNs: BigInt(s.endTimeUnixNano),
          attributes: attributes(s.attributes),
          resource,
          statusCode: s.status?.code ?? 0,
        });
      }
    }
  }
  return spans;
}
