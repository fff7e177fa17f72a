// The OTLP intake end to end: the OpenTelemetry SDK's own exporters (OTLP/HTTP JSON and protobuf) send MCP
// client spans to POST /v1/traces; they land as reported outcomes (channel otlp), once, and every bad request
// is refused with the OTLP status it deserves and nothing stored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { countReportedOutcomes, createApiToken, syncServices, type Database } from "@kensa/db";
import type { ReportRateLimits } from "@kensa/services";
import { databaseBackends, skipWithoutPostgres, syntheticService } from "@kensa/testkit";
import { otlpTracesHandler } from "./handlers/otlp-traces";

const withEndpoint = (id: string, url: string, servers: unknown[] = []) => ({ ...syntheticService(id), catalogue: { id, endpoint: { url, transport: "streamable-http" }, servers } });

describe.each(databaseBackends)("POST /v1/traces on $name", (backend) => {
  const skip = backend.name === "postgres" && skipWithoutPostgres();
  let db: Database;
  let server: Server;
  let endpoint: string;
  let reporterToken: string;
  let reprobeToken: string;
  let limits: ReportRateLimits | undefined;
  const bodies: { type: string; body: Buffer }[] = [];

  beforeAll(async () => {
    if (skip) return;
    db = await backend.open();
    await syncServices(db, [
      withEndpoint("acme", "https://mcp.acme.example/mcp"),
      withEndpoint("beta", "https://beta.example/api/mcp", [{ kind: "remote", url: "https://mcp.beta-eu.example/mcp", owner: "vendor" }]),
      withEndpoint("hosted-one", "https://mcp.platform.example/one"),
      withEndpoint("hosted-two", "https://mcp.platform.example/two"),
      syntheticService("noendpoint"),
    ]);
    reporterToken = (await createApiToken(db, { name: "team telemetry", scopes: ["report"] })).token;
    reprobeToken = (await createApiToken(db, { name: "ci", scopes: ["reprobe:*"] })).token;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks);
        bodies.push({ type: String(req.headers["content-type"]), body });
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const response = await otlpTracesHandler(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body }), { db, now: Date.now(), ...(limits ? { limits } : {}) });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await db?.close();
  });

  async function exportSpans(exporter: JsonExporter | ProtoExporter, tag: string): Promise<void> {
    const provider = new TracerProvider({ resource: resourceFromAttributes({ "service.name": `agent-${tag}` }), spanProcessors: [new BatchSpanProcessor({ exporter })] });
    const tracer = provider.getTracer("mcp-client");
    const t = Date.now() - 10_000;
    const call = (name: string, attributes: Record<string, string>, ms: number, failed = false) => {
      const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes, startTime: t });
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: "Invalid params: customer_email=taro@example.jp" });
      span.end(t + ms);
    };
    call("tools/call list_invoices", { "mcp.method.name": "tools/call", "server.address": "mcp.acme.example", "mcp.protocol.version": "2026-07-28" }, 120);
    call("tools/call create_invoice", { "mcp.method.name": "tools/call", "server.address": "mcp.acme.example", "error.type": "-32602", "mcp.protocol.version": "2025-11-25" }, 45, true);
    call("tools/list", { "mcp.method.name": "tools/list", "server.address": "mcp.beta-eu.example" }, 30);
    call("tools/call send", { "mcp.method.name": "tools/call", "kensa.service.id": "noendpoint", "error.type": "429" }, 900, true);
    call("tools/call x", { "mcp.method.name": "tools/call", "server.address": "mcp.platform.example" }, 10);
    call("tools/call y", { "mcp.method.name": "tools/call", "server.address": "unknown.example" }, 10);
    tracer.startSpan("GET /", { kind: SpanKind.SERVER, attributes: { "http.request.method": "GET" } }).end();
    try {
      await provider.forceFlush();
    } finally {
      await provider.shutdown().catch(() => undefined);
    }
  }

  const rowsOf = (tag: string) => db.sql.query<{ service_id: string; success: boolean; latency_ms: number; error_class: string | null; protocol_era: string | null; method: string; channel: string; workaround: string | null }>(
    "SELECT service_id, success, latency_ms, error_class, protocol_era, method, channel, workaround FROM reported_outcome WHERE report_id LIKE 'otlp:%' AND received_at >= $1 ORDER BY service_id, latency_ms",
    [tag],
  );

  it.each([
    ["JSON", () => new JsonExporter({ url: endpoint, headers: { Authorization: `Bearer ${reporterToken}` } }), "application/json"],
    ["protobuf", () => new ProtoExporter({ url: endpoint, headers: { Authorization: `Bearer ${reporterToken}` } }), "application/x-protobuf"],
  ])("an export from the SDK's %s exporter lands as reported evidence", async (tag, exporter, contentType) => {
    if (skip) return;
    const since = new Date().toISOString();
    const before = bodies.length;
    await exportSpans(exporter(), tag);
    expect(bodies.slice(before).map((b) => b.type)).toContain(contentType);
    expect(await rowsOf(since)).toEqual([
      { service_id: "acme", success: false, latency_ms: 45, error_class: "invalid_input", protocol_era: "initialize", method: "tools/call", channel: "otlp", workaround: null },
      { service_id: "acme", success: true, latency_ms: 120, error_class: null, protocol_era: "modern", method: "tools/call", channel: "otlp", workaround: null },
      { service_id: "beta", success: true, latency_ms: 30, error_class: null, protocol_era: null, method: "tools/list", channel: "otlp", workaround: null },
      { service_id: "noendpoint", success: false, latency_ms: 900, error_class: "rate_limited", protocol_era: null, method: "tools/call", channel: "otlp", workaround: null },
    ]);
    const dump = JSON.stringify(await db.sql.query("SELECT * FROM reported_outcome"));
    expect(dump).not.toContain("taro@example.jp");
  });

  const post = (body: string | Uint8Array, headers: Record<string, string>) =>
    fetch(endpoint, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers });

  it.skipIf(skip)("a replayed export stores nothing new, in either encoding, gzip included", async () => {
    const before = await countReportedOutcomes(db);
    for (const { type, body } of [...bodies]) {
      const response = await post(gzipSync(body), { "Content-Type": type, "Content-Encoding": "gzip", Authorization: `Bearer ${reporterToken}` });
      expect(response.status).toBe(200);
    }
    expect(await countReportedOutcomes(db)).toBe(before);
  });

  it.skipIf(skip)("answers skipped spans as OTLP partial success with the reasons", async () => {
    const json = bodies.find((b) => b.type.startsWith("application/json"))!;
    const response = await post(json.body, { "Content-Type": "application/json", Authorization: `Bearer ${reporterToken}` });
    const answer = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedSpans).toBe("3");
    expect(answer.partialSuccess.errorMessage).toMatch(/mcp\.platform\.example is shared by hosted-one, hosted-two: set kensa\.service\.id/);
  });

  it.skipIf(skip)("refuses without a token (401), with a token lacking the report scope (403), storing nothing", async () => {
    const before = await countReportedOutcomes(db);
    const { body } = bodies.find((b) => b.type.startsWith("application/x-protobuf"))!;
    const none = await post(body, { "Content-Type": "application/x-protobuf" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="kensa"');
    expect((await post(body, { "Content-Type": "application/x-protobuf", Authorization: "Bearer kensa_forged" })).status).toBe(401);
    const wrongScope = await post(body, { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${reprobeToken}` });
    expect(wrongScope.status).toBe(403);
    expect(await wrongScope.text()).not.toContain(reprobeToken);
    expect(await countReportedOutcomes(db)).toBe(before);
  });

  it.skipIf(skip)("rejects unreadable, oversized and foreign bodies with 400, 413 and 415", async () => {
    const auth = { Authorization: `Bearer ${reporterToken}` };
    expect((await post("{not json", { "Content-Type": "application/json", ...auth })).status).toBe(400);
    expect((await post(JSON.stringify({ resourceSpans: "nope" }), { "Content-Type": "application/json", ...auth })).status).toBe(400);
    expect((await post(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f]), { "Content-Type": "application/x-protobuf", ...auth })).status).toBe(400);
    expect((await post(new Uint8Array(4 * 1024 * 1024 + 1), { "Content-Type": "application/x-protobuf", ...auth })).status).toBe(413);
    expect((await post(gzipSync(Buffer.alloc(5 * 1024 * 1024)), { "Content-Type": "application/x-protobuf", "Content-Encoding": "gzip", ...auth })).status).toBe(400);
    expect((await post("hello", { "Content-Type": "text/plain", ...auth })).status).toBe(415);
  });

  it.skipIf(skip)("a flood is answered 429 with Retry-After and stores nothing; replays of stored spans still answer 200", async () => {
    limits = { windowMs: 3_600_000, perToken: 0, perService: 1_000 };
    try {
      const flood = (await createApiToken(db, { name: "flood", scopes: ["report"] })).token;
      const before = await countReportedOutcomes(db);
      const seen = bodies.length;
      // The SDK reads 429 as "retry later": its exporter retries, then gives up with a retryable error.
      const failure = await exportSpans(new ProtoExporter({ url: endpoint, headers: { Authorization: `Bearer ${flood}` } }), "flood").then(() => null, (error: unknown) => error);
      expect(failure).not.toBeNull();
      expect(await countReportedOutcomes(db)).toBe(before);
      const again = await post(bodies[seen]!.body, { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${flood}` });
      expect(again.status).toBe(429);
      expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
      const stored = bodies.find((b) => b.type.startsWith("application/x-protobuf"))!;
      expect((await post(stored.body, { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${reporterToken}` })).status).toBe(200);
      expect(await countReportedOutcomes(db)).toBe(before);
    } finally {
      limits = undefined;
    }
  });
});
