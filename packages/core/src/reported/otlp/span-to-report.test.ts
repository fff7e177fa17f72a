import { describe, expect, it } from "vitest";
import { decodeOtlpJson } from "./decode-json";
import { decodeOtlpProtobuf } from "./decode-protobuf";
import { encodeExportTraceResponse } from "./encode-response";
import { OtlpDecodeError, type OtlpSpan } from "./otlp-span";
import { serviceForHost, serviceHostIndex } from "./service-hosts";
import { errorClassOf, protocolEraOf, spanToReport } from "./span-to-report";

const hosts = serviceHostIndex([
  { id: "acme", urls: ["https://mcp.acme.example/mcp", "https://eu.acme.example/mcp", null] },
  { id: "one", urls: ["https://shared.example/one"] },
  { id: "two", urls: ["https://shared.example/two"] },
]);

const span = (over: Partial<OtlpSpan> & { attrs?: OtlpSpan["attributes"] } = {}): OtlpSpan => ({
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  name: "tools/call x",
  kind: 3,
  startNs: 1_000_000_000n,
  endNs: 1_250_400_000n,
  attributes: { "mcp.method.name": "tools/call", "server.address": "mcp.acme.example", ...over.attrs },
  resource: {},
  statusCode: 0,
  ...over,
});

describe("errorClassOf", () => {
  it.each([
    ["rate_limited", "rate_limited"], ["timeout", "timeout"], ["-32602", "invalid_input"], ["-32601", "not_found"], ["-32603", "server_error"],
    ["-32001", "timeout"], ["401", "auth_invalid"], ["403", "auth_forbidden"], ["429", "rate_limited"], ["500", "server_error"],
    ["503", "server_error"], ["ECONNREFUSED", "network_error"], ["ETIMEDOUT", "timeout"], ["CERT_HAS_EXPIRED", "network_error"],
    ["tool_error", undefined], ["java.net.UnknownHostException", undefined], ["_OTHER", undefined], ["200", undefined], ["-1", undefined],
  ])("%s → %s", (errorType, expected) => expect(errorClassOf(errorType)).toBe(expected));
});

describe("protocolEraOf", () => {
  it.each([["2026-07-28", "modern"], ["2027-01-01", "modern"], ["2025-11-25", "initialize"], ["2024-11-05", "initialize"], ["latest", undefined], [undefined, undefined]])(
    "%s → %s", (version, era) => expect(protocolEraOf(version)).toBe(era));
});

describe("serviceForHost", () => {
  it.each([
    ["mcp.acme.example", { kind: "service", serviceId: "acme" }],
    ["EU.ACME.example.", { kind: "service", serviceId: "acme" }],
    ["https://mcp.acme.example:443/mcp", { kind: "service", serviceId: "acme" }],
    ["shared.example", { kind: "ambiguous", serviceIds: ["one", "two"] }],
    ["acme.example", { kind: "unknown" }],
  ])("%s", (address, match) => expect(serviceForHost(hosts, address)).toEqual(match));
});

describe("spanToReport", () => {
  it("maps a successful client call: service from server.address, latency in ms, id from trace and span", () => {
    expect(spanToReport(span({ attrs: { "mcp.protocol.version": "2026-07-28" } }), hosts)).toEqual({
      kind: "report",
      report: { reportId: "otlp:0af7651916cd43dd8448eb211c80319c:b7ad6b7169203331", serviceId: "acme", success: true, latencyMs: 250, protocolEra: "modern", method: "tools/call" },
    });
  });

  it.each<[string, Partial<OtlpSpan> & { attrs?: OtlpSpan["attributes"] }, object]>([
    ["error.type decides failure and class", { attrs: { "error.type": "-32602" } }, { success: false, errorClass: "invalid_input" }],
    ["status ERROR without error.type is a failure without a class", { statusCode: 2 }, { success: false }],
    ["status ERROR falls back to rpc.response.status_code", { statusCode: 2, attrs: { "rpc.response.status_code": "-32603" } }, { success: false, errorClass: "server_error" }],
    ["kensa.service.id wins over server.address", { attrs: { "kensa.service.id": "one" } }, { serviceId: "one" }],
    ["kensa.service.id on the resource", { resource: { "kensa.service.id": "two" }, attrs: { "server.address": "shared.example" } }, { serviceId: "two" }],
  ])("%s", (_name, over, expected) => {
    const mapped = spanToReport(span(over), hosts);
    expect(mapped.kind === "report" ? mapped.report : mapped).toMatchObject(expected);
  });

  it.each<[string, Partial<OtlpSpan> & { attrs?: OtlpSpan["attributes"] }, string]>([
    ["a server span", { kind: 2 }, "not_mcp_client"],
    ["a span without mcp.method.name", { attributes: { "server.address": "mcp.acme.example" } }, "not_mcp_client"],
    ["no address and no service id", { attributes: { "mcp.method.name": "tools/call" } }, "no_service"],
    ["an unknown host", { attrs: { "server.address": "evil.example" } }, "unknown_service"],
    ["a shared host", { attrs: { "server.address": "shared.example" } }, "ambiguous_service"],
    ["an end before the start", { endNs: 1n }, "bad_span"],
    ["a missing trace id", { traceId: "" }, "bad_span"],
  ])("skips %s", (_name, over, reason) => expect(spanToReport(span(over), hosts)).toMatchObject({ kind: "skip", reason }));
});

describe("OTLP decoding", () => {
  it("reads the OTLP/JSON form, with ids in hex or base64 and int64 as strings", () => {
    const [s] = decodeOtlpJson({
      resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "agent" } }] }, scopeSpans: [{ spans: [{
        traceId: "CvdlGRbNQ92ESOshHIAxnA==", spanId: "t61rcWkgMzE=", name: "tools/call", kind: 3,
        startTimeUnixNano: "1000000000", endTimeUnixNano: 1_250_000_000,
        attributes: [{ key: "mcp.method.name", value: { stringValue: "tools/call" } }, { key: "server.port", value: { intValue: "443" } }, { key: "ok", value: { boolValue: true } }],
        status: { code: 2 },
      }] }] }],
    });
    expect(s).toEqual({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "tools/call", kind: 3, startNs: 1_000_000_000n, endNs: 1_250_000_000n,
      attributes: { "mcp.method.name": "tools/call", "server.port": 443, ok: true }, resource: { "service.name": "agent" }, statusCode: 2 });
  });

  it.each([["a string", "x"], ["resourceSpans not a list", { resourceSpans: 3 }], ["a span kind out of range", { resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 9 }] }] }] }]])(
    "refuses %s", (_name, body) => expect(() => decodeOtlpJson(body)).toThrow(OtlpDecodeError));

  it.each([
    ["a truncated varint", [0x0a, 0xff]],
    ["a length past the end", [0x0a, 0x05, 0x01]],
    ["an unsupported wire type", [0x0b]],
    ["a varint longer than ten bytes", [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])("refuses protobuf with %s", (_name, bytes) => expect(() => decodeOtlpProtobuf(new Uint8Array(bytes))).toThrow(OtlpDecodeError));

  it("reads an empty protobuf request as no spans, and skips unknown fields", () => {
    expect(decodeOtlpProtobuf(new Uint8Array())).toEqual([]);
    expect(decodeOtlpProtobuf(new Uint8Array([0x10, 0x01, 0x1a, 0x00]))).toEqual([]);
  });

  it("encodes partial success, and a full success as an empty body", () => {
    expect(encodeExportTraceResponse(0, "")).toEqual(new Uint8Array());
    expect(Array.from(encodeExportTraceResponse(3, "x"))).toEqual([0x0a, 0x05, 0x08, 0x03, 0x12, 0x01, 0x78]);
  });
});
