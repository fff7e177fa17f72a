// Fuzzing the classifier: any outcome a probe could record — hostile strings, odd statuses, huge codes,
// strange headers, arbitrary structured content — gets exactly one class from the taxonomy with a valid
// classification, deterministically, and an ok outcome gets none. It never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Classification } from "../probe/classification";
import type { ProbeStepRecord } from "../probe/probe-record";
import { BlockReason, ProtocolViolation, type StepOutcome } from "../probe/step-outcome";
import { allErrorClasses } from "../taxonomy/error-classes";
import { classifyRun } from "./classify-run";
import { classifyStep } from "./classify-step";

const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "expired", "token expired", "invalid_token", "insufficient_scope", "rate limit", "Unknown tool: x", "MCP error -32602: bad", "トークンの有効期限が切れました", "{\"error\":{\"code\":\"invalid_input\"}}", "Bearer error=\"invalid_token\", error_description=\"expired\""),
);
const headerName = fc.constantFrom("www-authenticate", "retry-after", "content-type", "via", "server", "x-cache", "x-amz-cf-id", "cf-ray", "x-kong-proxy-latency", "x-random");
const headers = fc.dictionary(headerName, text, { maxKeys: 5 });
const status = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom(400, 401, 403, 404, 407, 408, 410, 415, 429, 500, 502, 503, 504), fc.integer());
const rpcCode = fc.oneof(fc.constantFrom(-32700, -32600, -32601, -32602, -32603, -32000, -32001, -32002, -32042, 401, 429), fc.integer());
const json = fc.jsonValue({ maxDepth: 4 });
const httpStatus = fc.option(status, { nil: undefined });

const outcome: fc.Arbitrary<StepOutcome> = fc.oneof(
  fc.record({ kind: fc.constant("ok" as const), httpStatus }),
  fc.record({ kind: fc.constant("tool-error" as const), text, structured: fc.option(json, { nil: undefined }), httpStatus }),
  fc.record({ kind: fc.constant("rpc-error" as const), code: rpcCode, message: text, data: fc.option(json, { nil: undefined }), httpStatus }),
  fc.record({ kind: fc.constant("http-error" as const), status, headers, body: fc.option(text, { nil: undefined }) }),
  fc.record({ kind: fc.constant("timeout" as const), phase: fc.constantFrom("connect" as const, "request" as const, "stream" as const, "deadline" as const), limitMs: fc.nat() }),
  fc.record({ kind: fc.constant("network-error" as const), code: fc.oneof(text, fc.constantFrom("ECONNRESET", "ECONNREFUSED", "ENOTFOUND", "CERT_HAS_EXPIRED", "UND_ERR_HEADERS_TIMEOUT")), message: text }),
  fc.record({ kind: fc.constant("protocol-violation" as const), violation: fc.constantFrom(...ProtocolViolation.options), detail: text, httpStatus }),
  fc.record({ kind: fc.constant("process-exit" as const), phase: fc.constantFrom("start" as const, "session" as const), exitCode: fc.option(fc.integer(), { nil: null }), signal: fc.option(fc.constantFrom("SIGKILL", "SIGSEGV"), { nil: null }), stderr: text, stoppedFor: fc.option(fc.constantFrom("memory" as const, "stdout-flood" as const, "stderr-flood" as const), { nil: undefined }), spawnError: fc.option(fc.constantFrom("ENOENT", "EACCES"), { nil: undefined }) }),
  fc.record({ kind: fc.constant("blocked" as const), reason: fc.constantFrom(...BlockReason.options), detail: text }),
);
const credential = fc.option(fc.record({ expiredAtSend: fc.boolean(), ageSec: fc.option(fc.nat(), { nil: undefined }) }), { nil: undefined });
const path = fc.constantFrom("direct" as const, "gateway" as const);

describe("classifier fuzzing: one valid class per failed step, never a throw", () => {
  it("classifies every failed outcome into exactly one taxonomy class, the same way twice", () => {
    fc.assert(
      fc.property(outcome, credential, path, (o, cred, p) => {
        const step = { outcome: o, ...(cred ? { credential: cred } : {}) };
        const verdict = classifyStep(step, { path: p });
        if (o.kind === "ok") return verdict === undefined;
        const parsed = Classification.safeParse(verdict);
        expect(parsed.success, JSON.stringify(verdict)).toBe(true);
        expect(allErrorClasses).toContain(verdict!.errorClass);
        expect(verdict!.decidedBy.length).toBeGreaterThan(0);
        expect(classifyStep(step, { path: p })).toEqual(verdict);
        return true;
      }),
      { numRuns: 3_000 },
    );
  });

  it("classifies whole runs: failed steps get a class, ok steps none", () => {
    const step = fc.record({ seq: fc.nat(), name: fc.string({ minLength: 1 }), kind: fc.constantFrom("protocol" as const, "call" as const), startedAt: fc.constant("2026-11-24T00:00:00.000Z"), latencyMs: fc.nat(), outcome });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), path, (steps, p) => {
        const run = classifyRun({ path: p, steps: steps as ProbeStepRecord[] });
        return run.steps.every((s) => (s.outcome.kind === "ok") === (s.classification === undefined));
      }),
      { numRuns: 500 },
    );
  });
});
