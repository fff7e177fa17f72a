import { describe, expect, it } from "vitest";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { classifyRun } from "@kensa/core";
import { syntheticRun } from "@kensa/testkit";
import { createTelemetry } from "../telemetry/telemetry";
import { recordRunTrace } from "../telemetry/tracing";

describe("OpenTelemetry", () => {
  it("exports a run as one trace under the run's trace id: a probe.run span and a span per step with its attributes", async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = createTelemetry({ serviceName: "kensa-test", processors: [new SimpleSpanProcessor({ exporter })] });
    const run = classifyRun({
      ...syntheticRun({ serviceId: "freee", startedAt: new Date("2026-11-01T00:00:00Z"), seed: 3, failureRate: 0.5, calls: 4 }),
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    });
    recordRunTrace(telemetry.tracer, run);
    const spans = exporter.getFinishedSpans(); // before shutdown, which empties the in-memory exporter
    await telemetry.shutdown();
    expect(spans).toHaveLength(run.steps.length + 1);
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([run.traceId]));
    const root = spans.find((s) => s.name === "probe.run")!;
    expect(root.attributes).toMatchObject({ "kensa.service.id": "freee", "kensa.run.id": run.id, "kensa.run.path": "direct", "kensa.run.source": "sandbox" });
    const failed = run.steps.filter((s) => s.classification);
    expect(failed.length).toBeGreaterThan(0);
    for (const step of run.steps) {
      const span = spans.find((s) => s.name === step.name)!;
      expect(span.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
      expect(span.attributes["kensa.step.ok"]).toBe(!step.classification);
      expect(span.attributes["kensa.error.class"]).toBe(step.classification?.errorClass);
      if (step.classification) expect(span.attributes["http.response.status_code"]).toBe(500);
      expect(span.attributes["kensa.step.latency_ms"]).toBe(step.latencyMs);
    }
  });
});
