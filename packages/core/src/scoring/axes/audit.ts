// Audit-log consistency: can an audit trail read what happened? Structured error answers (a status,
// a code or structured content rather than prose), correct protocol answers, W3C trace context carried
// through _meta, and OpenTelemetry as declared.
import type { GradeEvidence } from "../evidence";
import { checkItem, declaredItem, percent, rateShare, scored, unscored, type AxisAssessment, type Item } from "../items";
import { rateToZero } from "../methodology";
import { countOf, trafficTotals } from "../traffic-totals";

export function assessAudit(e: GradeEvidence): AxisAssessment {
  const t = trafficTotals(e);
  const protocolErrors = countOf(t.errorCounts, "protocol_error");
  const items: Item[] = [
    structuredErrors(e, t.successes),
    checkItem(e, "protocol_version", "audit", "protocol_version", 15, {
      pass: "An unsupported MCP-Protocol-Version is rejected with 400.",
      fail: "An unsupported MCP-Protocol-Version is not rejected with 400.",
      fix: "Reject requests carrying an unsupported MCP-Protocol-Version header with HTTP 400.",
    }),
    t.successes + protocolErrors === 0
      ? unscored("audit", "protocol_errors", 15, "No answered traffic to judge.", "")
      : scored("audit", "protocol_errors", 15, rateShare(protocolErrors, t.successes + protocolErrors, rateToZero.protocolErrors), "observed",
          `${protocolErrors} answers broke the MCP / JSON-RPC / HTTP contract.`, "Fix malformed answers (invalid JSON-RPC, wrong content type, oversized or endless responses)."),
    checkItem(e, "trace_context", "audit", "trace_context", 20, {
      pass: "A W3C traceparent sent in _meta comes back, so calls join the caller's trace.",
      fail: "A W3C traceparent sent in _meta does not come back.",
      fix: "Propagate the W3C traceparent from _meta into your spans and echo it, so calls join the caller's trace.",
    }),
    declaredItem(e, ["openTelemetry"], "audit", "opentelemetry", 10, "OpenTelemetry spans", "Emit OpenTelemetry spans for tool calls and declare it with a source."),
  ];
  return {
    items,
    facts: {
      structuredErrorAnswers: e.errorShapes?.structured ?? null,
      proseOnlyErrorAnswers: e.errorShapes?.inferred ?? null,
      protocolErrors,
      protocolVersionCheck: e.checks.protocol_version?.verdict ?? null,
      traceContextCheck: e.checks.trace_context?.verdict ?? null,
      openTelemetry: e.declared.openTelemetry.value,
    },
  };
}

function structuredErrors(e: GradeEvidence, successes: number): Item {
  const fix = "Answer errors with a status, a JSON-RPC code or structuredContent (e.g. { error: \"invalid_input\" }), not prose alone.";
  const shapes = e.errorShapes;
  if (shapes === undefined) return unscored("audit", "structured_errors", 40, "Error shapes were not counted for this window.", fix);
  if (successes + shapes.inferred === 0) return unscored("audit", "structured_errors", 40, "No answered traffic to judge.", fix);
  const answered = shapes.structured + shapes.inferred;
  return scored("audit", "structured_errors", 40, rateShare(shapes.inferred, successes + shapes.inferred, rateToZero.proseOnlyErrors), "observed",
    answered === 0
      ? "No error answers to judge; none was prose-only."
      : `${shapes.structured} of ${answered} error answers carried a status, code or structured content; ${shapes.inferred} were prose only (${percent(shapes.inferred / (successes + shapes.inferred))} of answered calls).`,
    fix);
}
