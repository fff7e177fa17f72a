// classifyStep: one failed probe step → exactly one error class, with the evidence that decided it.
//
// Decision table (first matching row wins; `code` = decided by a status, JSON-RPC code, OAuth error
// parameter or structured content; `inferred` = decided by words alone):
//   outcome ok                              → no classification (nothing failed)
//   http-error 401                          → auth_expired if the token was past expiry when sent (code), or
//                                             error_description/body says expired (inferred); else auth_invalid
//   http-error 403                          → insufficient_scope → auth_forbidden; invalid_token → auth_invalid
//                                             (auth_expired if past expiry); otherwise auth_forbidden
//   http-error 407 / 408 / 429              → gateway_error (intermediary) / timeout / rate_limited (+Retry-After)
//   http-error 404, 410                     → not_found;  405, 406, 415 → protocol_error
//   http-error 502/503/504                  → JSON-RPC body: server_error; gateway path: gateway_error
//                                             (intermediary); direct with proxy signs: gateway_error (vendor's
//                                             edge); direct, no signs: 504 timeout, else server_error
//   http-error other 5xx / other 4xx        → server_error / JSON-RPC code in body, else invalid_input
//   rpc-error with HTTP 401/403/407/429/5xx → as the HTTP status
//   rpc-error                               → code table (rpc-code-rules), then structured `data`, then text
//   tool-error (isError result)             → structured content, JSON text, "MCP error <code>:" prefix, then
//                                             text rules (inferred); unrecognised text → server_error (inferred)
//   timeout                                 → timeout
//   network-error                           → network_error; TLS certificate, ECONNREFUSED and ENOTFOUND on the
//                                             direct path are the vendor's; headers/body timeouts → timeout
//   process-exit (a stdio server's process) → process-exit-rules: before initialize with words asking for a
//                                             credential or setting → config_missing (client); otherwise
//                                             server_error (vendor); never network_error
//   protocol-violation / blocked            → protocol_error / blocked_by_policy
// Any class that lands on auth_invalid while the token was past its expiry when sent becomes auth_expired.
// Fault: the taxonomy's default unless a row names one; behind a gateway, invalid_input and the auth classes
// go to the intermediary (it shaped the request, presented the credential, propagated the authorization).
import type { Classification } from "../probe/classification";
import type { ProbeStepRecord, RunPath } from "../probe/probe-record";
import type { StepOutcome } from "../probe/step-outcome";
import { assertNever } from "../util/assert-never";
import { classifyHttpStatus } from "./http-status-rules";
import { classifyNetworkError } from "./network-rules";
import { classifyProcessExit } from "./process-exit-rules";
import { classifyRpcCode } from "./rpc-code-rules";
import { structuredSignal, type StructuredSignal } from "./structured-rules";
import { classifyText } from "./text-rules";
import { finishVerdict, verdict, type Verdict } from "./verdict";

export interface ClassifyContext {
  path: RunPath;
}

interface StepFacts {
  expiredAtSend: boolean;
  path: RunPath;
}

export function classifyStep(step: Pick<ProbeStepRecord, "outcome" | "credential">, context: ClassifyContext): Classification | undefined {
  if (step.outcome.kind === "ok") return undefined;
  const facts: StepFacts = { expiredAtSend: step.credential?.expiredAtSend === true, path: context.path };
  const decided = decide(step.outcome, facts);
  if (decided.errorClass === "auth_invalid" && facts.expiredAtSend) {
    return finishVerdict(verdict("auth_expired", "code", `${decided.decidedBy}, and the token was past its expiry when sent`), context.path);
  }
  return finishVerdict(decided, context.path);
}

function decide(outcome: Exclude<StepOutcome, { kind: "ok" }>, facts: StepFacts): Verdict {
  switch (outcome.kind) {
    case "http-error":
      return classifyHttpStatus({ status: outcome.status, headers: outcome.headers, body: outcome.body, ...facts });
    case "rpc-error":
      return rpcError(outcome, facts);
    case "tool-error":
      return toolError(outcome, facts);
    case "timeout":
      return verdict("timeout", "code", `no complete answer within ${outcome.limitMs} ms (${outcome.phase})`);
    case "network-error":
      return classifyNetworkError(outcome.code, outcome.message, facts.path);
    case "process-exit":
      return classifyProcessExit(outcome);
    case "protocol-violation":
      return verdict("protocol_error", "code", `protocol violation ${outcome.violation}: ${outcome.detail}`);
    case "blocked":
      return verdict("blocked_by_policy", "code", `Kensa refused (${outcome.reason}): ${outcome.detail}`);
    default:
      return assertNever(outcome, "step outcome");
  }
}

const statusDecides = (status: number | undefined): status is number =>
  status !== undefined && (status === 401 || status === 403 || status === 407 || status === 429 || status >= 500);

function rpcError(outcome: Extract<StepOutcome, { kind: "rpc-error" }>, facts: StepFacts): Verdict {
  if (statusDecides(outcome.httpStatus)) {
    const body = JSON.stringify({ jsonrpc: "2.0", error: { code: outcome.code, message: outcome.message } });
    const v = classifyHttpStatus({ status: outcome.httpStatus, headers: {}, body, ...facts });
    return { ...v, decidedBy: `${v.decidedBy} (JSON-RPC ${outcome.code})` };
  }
  const byCode = classifyRpcCode(outcome.code, outcome.message);
  if (byCode !== undefined) return verdict(byCode.errorClass, byCode.confidence, byCode.decidedBy);
  const signal = structuredSignal(outcome.data);
  if (signal !== undefined) return fromSignal(signal, facts, `JSON-RPC ${outcome.code} with `);
  const text = classifyText(outcome.message, `JSON-RPC ${outcome.code} message`);
  return verdict(text.errorClass, "inferred", text.decidedBy);
}

function toolError(outcome: Extract<StepOutcome, { kind: "tool-error" }>, facts: StepFacts): Verdict {
  const signal = structuredSignal(outcome.structured) ?? structuredSignal(jsonIn(outcome.text));
  if (signal !== undefined) return fromSignal(signal, facts, "isError result with ");
  const prefixed = /^\s*MCP error (-?\d+):\s*(.*)$/s.exec(outcome.text);
  if (prefixed) {
    const byCode = classifyRpcCode(Number(prefixed[1]), prefixed[2] ?? "");
    if (byCode !== undefined) return verdict(byCode.errorClass, byCode.confidence, `isError result with ${byCode.decidedBy}`);
  }
  const text = classifyText(outcome.text, "isError text");
  return verdict(text.errorClass, "inferred", text.decidedBy);
}

function fromSignal(signal: StructuredSignal, facts: StepFacts, prefix: string): Verdict {
  switch (signal.kind) {
    case "status": {
      const v = classifyHttpStatus({ status: signal.status, headers: {}, ...facts });
      return { ...v, decidedBy: `${prefix}${signal.where}: ${v.decidedBy}` };
    }
    case "rpc-code": {
      const byCode = classifyRpcCode(signal.code, signal.message);
      if (byCode !== undefined) return verdict(byCode.errorClass, byCode.confidence, `${prefix}${signal.where}: ${byCode.decidedBy}`);
      return verdict("server_error", "code", `${prefix}${signal.where} (implementation-defined server error)`);
    }
    case "class":
      return verdict(signal.errorClass, "code", `${prefix}${signal.where}`);
    default:
      return assertNever(signal, "structured signal");
  }
}

/** Many servers put a JSON error object in the text channel: that is structured data too. */
function jsonIn(text: string): unknown {
  if (!/^\s*\{/.test(text) || text.length > 100_000) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
