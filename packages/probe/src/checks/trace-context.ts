// trace_context: every tools/list and tools/call carried a W3C traceparent in params._meta; the server
// passes if an answer's _meta carries a traceparent of the same trace (audit trails can be joined up).
import { finding, result, type CheckContext, type CheckOutput } from "./check-context";

export async function traceContextCheck(ctx: CheckContext): Promise<CheckOutput> {
  const answered = ctx.traces.filter((t) => t.answered);
  if (answered.length === 0) {
    return { outcome: { kind: "ok" }, check: result("trace_context", "inconclusive", [finding("answered", false, "no request carrying a traceparent was answered")], { sent: 0 }) };
  }
  const echoed = ctx.traces.filter((t) => t.returned?.split("-")[1] === ctx.traceId);
  const facts = { sent: ctx.traces.length, answered: answered.length, echoed: echoed.length, field: "_meta.traceparent" };
  const ok = echoed.length > 0;
  const found = finding(
    "echoed",
    ok,
    ok ? `${echoed.length} of ${answered.length} answers carried the trace back` : `none of ${answered.length} answers carried the traceparent back in _meta`,
    "Continue the caller's W3C trace context from params._meta.traceparent and return it in the result's _meta.",
  );
  return { outcome: { kind: "ok" }, check: result("trace_context", ok ? "pass" : "fail", [found], facts) };
}
