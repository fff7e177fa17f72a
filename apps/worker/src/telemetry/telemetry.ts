// OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise spans go nowhere (the API's no-op tracer).
import { trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace";

export interface Telemetry {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

export function createTelemetry(options: { otlpEndpoint?: string; serviceName: string; processors?: SpanProcessor[] }): Telemetry {
  const processors = [...(options.processors ?? [])];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, "")}/v1/traces`;
    processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
  }
  if (processors.length === 0) return { tracer: trace.getTracer("kensa"), shutdown: async () => {} };
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: processors,
  });
  return { tracer: provider.getTracer("kensa"), shutdown: () => provider.shutdown() };
}
