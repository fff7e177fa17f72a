// Every probe run is a trace and every step a span. Spans are written after the run from its records (times
// included), under the trace id the probe sent in traceparent — so a stored run links to its trace.
import { context, SpanKind, SpanStatusCode, trace, TraceFlags, type Tracer } from "@opentelemetry/api";
import { httpStatusOf, rpcCodeOf, stepOk, type ProbeRunRecord } from "@kensa/core";
import { randomBytes } from "node:crypto";

const validTraceId = (id: string | undefined): id is string => !!id && /^[0-9a-f]{32}$/.test(id) && !/^0+$/.test(id);

export function recordRunTrace(tracer: Tracer, run: ProbeRunRecord): void {
  const traceId = validTraceId(run.traceId) ? run.traceId : randomBytes(16).toString("hex");
  const parent = trace.setSpanContext(context.active(), { traceId, spanId: randomBytes(8).toString("hex"), traceFlags: TraceFlags.SAMPLED, isRemote: true });
  const root = tracer.startSpan("probe.run", {
    kind: SpanKind.CLIENT,
    startTime: Date.parse(run.startedAt),
    attributes: {
      "kensa.service.id": run.serviceId,
      "kensa.run.id": run.id,
      "kensa.run.path": run.path,
      "kensa.run.source": run.source,
      "kensa.run.trigger": run.trigger,
      "kensa.run.steps": run.steps.length,
    },
  }, parent);
  const withinRoot = trace.setSpan(parent, root);
  let failed = 0;
  for (const step of run.steps) {
    const ok = stepOk(step);
    if (!ok) failed += 1;
    const span = tracer.startSpan(step.name, {
      startTime: Date.parse(step.startedAt),
      attributes: {
        "kensa.service.id": run.serviceId,
        "kensa.step.name": step.name,
        "kensa.step.kind": step.kind,
        "kensa.step.ok": ok,
        "kensa.step.latency_ms": step.latencyMs,
        ...(step.classification ? { "kensa.error.class": step.classification.errorClass, "kensa.error.fault": step.classification.fault } : {}),
        ...(httpStatusOf(step.outcome) !== undefined ? { "http.response.status_code": httpStatusOf(step.outcome) } : {}),
        ...(rpcCodeOf(step.outcome) !== undefined ? { "rpc.jsonrpc.error_code": rpcCodeOf(step.outcome) } : {}),
      },
    }, withinRoot);
    if (!ok) span.setStatus({ code: SpanStatusCode.ERROR, message: step.classification?.errorClass ?? step.check?.verdict ?? step.outcome.kind });
    span.end(Date.parse(step.startedAt) + step.latencyMs);
  }
  root.setAttribute("kensa.run.failed_steps", failed);
  root.end(Date.parse(run.finishedAt));
}
