// What the readiness checks see of the probe: the endpoint, a fetch that carries no credentials, shared
// discovery, and the facts earlier steps established (session, server info, tools, trace observations).
import type { CheckFinding, CheckFindingId, CheckResult, CheckVerdict, ProbeStepRecord, ProtocolEra, ReadinessCheck, StepOutcome } from "@kensa/core";
import type { Discovery } from "../discovery/discovery";
import type { Redactor } from "../evidence/redactor";
import type { FetchLike } from "../net/guarded-fetch";
import type { ProbeLimits } from "../limits";
import type { WireFailure } from "../net/wire";
import type { RpcAnswer } from "../net/raw-rpc";

export interface ChallengeFacts {
  /** undefined when the challenge could not be decided. */
  authRequired?: boolean;
  resourceMetadata?: string;
}

export interface TraceObservation {
  method: string;
  sent: string;
  /** The request got a result (not an error, not silence). */
  answered: boolean;
  /** The traceparent found in the result's _meta, if any. */
  returned?: string;
}

export interface CheckContext {
  transport: "streamable-http" | "sse" | "stdio";
  endpoint?: URL;
  /** Requests for checks: no credentials unless the check adds them. */
  fetch: FetchLike;
  discovery?: Discovery;
  limits: ProbeLimits;
  redactor: Redactor;
  traceId: string;
  /**
   * What the probe's own session sends (the caller's headers and the credential), for checks made inside
   * that session. The auth checks send none of it: any caller header might be a credential.
   */
  sessionHeaders: () => Record<string, string>;
  session: { initialized: boolean; sessionId?: string; protocolVersion?: string; serverVersion?: string; /** The era the session speaks: checks of one era say "not applicable" in the other. */ protocolEra?: ProtocolEra };
  toolNames?: string[];
  /** The probe's own first tools/list page in the server's order (initialize-era sessions), for tools_order. */
  sessionToolOrder?: string[];
  traces: TraceObservation[];
  registry?: { serverJsonUrl?: string };
  /** Filled by the auth_challenge check, read by the checks after it. */
  challenge: ChallengeFacts;
  /** The era as server/discover showed it; asked once, by the first 2026-07-28 check that needs it. */
  modern?: Promise<ModernFacts>;
  /** The first 2026-07-28 tools/list with agreeing mirrored headers, shared by the checks that read it. */
  modernList?: Promise<RpcAnswer>;
  /** The probe's own steps so far (the step_up check reads the 403s its calls got). */
  steps?: () => readonly ProbeStepRecord[];
}

/** What a raw `server/discover` showed about the server's protocol era (see modern-era.ts). */
export type ModernFacts =
  | { era: "modern"; status: number; version: string; supportedVersions: string[]; discover: Record<string, unknown>; serverVersion?: string }
  | { era: "initialize"; status: number; supportedVersions?: string[] }
  | { era: "modern-unusable"; status: number; code: number }
  | { era: "unknown"; status?: number; failure?: WireFailure }
  | { era: "not-http" };

/** What one check step returns. */
export interface CheckOutput {
  outcome: StepOutcome;
  check: CheckResult;
  excerpt?: string;
}

export function result(check: ReadinessCheck, verdict: CheckVerdict, findings: CheckFinding[], facts: Record<string, unknown>): CheckResult {
  return { check, verdict, findings, facts };
}

export function finding(id: CheckFindingId, ok: boolean, message: string, fix?: string): CheckFinding {
  return { id, ok, message, ...(fix && !ok ? { fix } : {}) };
}

/** Verdict from findings: fail when any finding that decides the verdict is not ok. */
export function verdictOf(findings: CheckFinding[], deciding: string[]): CheckVerdict {
  return findings.some((f) => deciding.includes(f.id) && !f.ok) ? "fail" : "pass";
}

export const jsonRpcHeaders = { "content-type": "application/json", accept: "application/json, text/event-stream" };
