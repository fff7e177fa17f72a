// A real report from the scorer, with caps and a next-grade plan, for the tests of everything that stores, reads or
// shows a GradeReport (core's versioned parser, the web's views): one fixture, so they all read the same shape.
import { aggregateSteps, type StepFacts } from "../rollup/step-aggregate";
import { evidenceFromAggregates } from "./evidence-from-aggregates";
import type { GradeReport } from "./grade-report";
import { gradeService } from "./grade-service";

/** 200 calls, 10 vendor failures, no auth on a server with a write tool: capped, with fixes to the next grade. */
export function sampleCappedReport(): GradeReport {
  const steps: StepFacts[] = [
    ...Array.from({ length: 190 }, (): StepFacts => ({ kind: "call", ok: true, latencyMs: 120 })),
    ...Array.from({ length: 10 }, (): StepFacts => ({ kind: "call", ok: false, latencyMs: 50, errorClass: "server_error", fault: "vendor" })),
  ];
  return gradeService(evidenceFromAggregates({
    window: { from: "2026-10-01T00:00:00.000Z", to: "2026-10-30T23:59:00.000Z" },
    aggregates: { direct: aggregateSteps(steps, 40) },
    summary: { target: { transport: "streamable-http" }, tools: { count: 2, withSchema: 2, hash: "h", names: ["list", "create"], writeTools: 1 } },
    declared: {},
    authMethod: "none",
  }));
}
