// Runs one step at a time: opens its wire scope, times it (monotonic clock for latency, the probe's Clock
// for timestamps), turns a throw into an outcome, and appends the record. After the probe deadline (or a
// step the wire marked as a deadline) no further step is started.
import type { CheckResult, Clock, ProbeStepRecord, StepKind, StepOutcome } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import type { RecordingTransport } from "../session/recording-transport";
import type { Wire, StepScope } from "../net/wire";
import { outcomeFromError } from "./outcome-from-error";

export interface StepResult<T> {
  /** Defaults to ok with the HTTP status of the step's last JSON-RPC exchange. */
  outcome?: StepOutcome;
  check?: CheckResult;
  excerpt?: string;
  value?: T;
}

export interface StepContext {
  signal: AbortSignal;
  scope: StepScope;
}

export interface CredentialAtSend {
  expiredAtSend: boolean;
  ageSec?: number;
}

export class StepRunner {
  readonly steps: ProbeStepRecord[] = [];
  private deadlineHit = false;

  constructor(
    private readonly deps: {
      clock: Clock;
      wire: Wire;
      redactor: Redactor;
      requestTimeoutMs: number;
      maxExcerptChars: number;
      traceId: string;
      transport: () => RecordingTransport | undefined;
      /** stdio: the outcome to record once the server's process has ended (it outranks the SDK's "connection closed"). */
      processExit?: (failure: StepScope["failure"]) => StepOutcome | undefined;
    },
  ) {}

  get stopped(): boolean {
    return this.deadlineHit;
  }

  markDeadline(): void {
    this.deadlineHit = true;
  }

  async run<T>(
    name: string,
    kind: StepKind,
    action: (ctx: StepContext) => Promise<StepResult<T>>,
    credential?: CredentialAtSend,
  ): Promise<{ record: ProbeStepRecord; value?: T }> {
    const { wire, clock, redactor } = this.deps;
    const scope = wire.beginStep();
    this.deps.transport()?.beginStep();
    const startedAt = new Date(clock.now()).toISOString();
    const started = performance.now();
    let result: StepResult<T>;
    try {
      result = await action({ signal: scope.failSignal, scope });
      // A guard or bound that fired during the step outranks whatever the action made of it.
      if (scope.failure && !result.check) result = { ...result, outcome: scope.failure };
      // An answer to nothing, or a second answer, makes an otherwise fine step a protocol violation. Bytes
      // already received behind the answer (a duplicate on the same stream) are read first: one turn of the loop.
      if (this.deps.transport()) await new Promise((resolve) => setImmediate(resolve));
      const anomaly = this.deps.transport()?.anomaliesThisStep()[0];
      if (anomaly && !result.check && (result.outcome?.kind ?? "ok") === "ok") {
        result = { ...result, outcome: { kind: "protocol-violation", violation: "id-mismatch", detail: anomaly } };
      }
    } catch (error) {
      const exited = this.deps.processExit?.(scope.failure);
      const outcome = exited ?? outcomeFromError({
        error,
        wireFailure: scope.failure,
        exchanges: scope.exchanges,
        responses: this.deps.transport()?.responsesThisStep() ?? [],
        requestTimeoutMs: this.deps.requestTimeoutMs,
        redactor,
      });
      result = { outcome, excerpt: failureExcerpt(scope, error, redactor, this.deps.maxExcerptChars) };
    } finally {
      wire.endStep();
    }
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const outcome = result.outcome ?? okOutcome(scope);
    if (outcome.kind === "timeout" && outcome.phase === "deadline") this.deadlineHit = true;
    const record: ProbeStepRecord = {
      seq: this.steps.length,
      name,
      kind,
      startedAt,
      latencyMs,
      outcome,
      ...(result.check ? { check: result.check } : {}),
      ...(credential ? { credential } : {}),
      ...(result.excerpt ? { excerpt: result.excerpt } : {}),
      traceId: this.deps.traceId,
    };
    this.steps.push(record);
    return { record, value: result.value };
  }
}

/** The status that carried the answer: the last 2xx JSON-RPC exchange that was not a bare 202 Accepted. */
function okOutcome(scope: StepScope): StepOutcome {
  const rpc = scope.exchanges.filter((x) => x.role === "rpc" && x.status !== undefined).reverse();
  const answer = rpc.find((x) => x.status! >= 200 && x.status! < 300 && x.status !== 202) ?? rpc[0];
  return answer?.status !== undefined ? { kind: "ok", httpStatus: answer.status } : { kind: "ok" };
}

function failureExcerpt(scope: StepScope, error: unknown, redactor: Redactor, max: number): string | undefined {
  const withBody = [...scope.exchanges].reverse().find((x) => x.excerpt && x.role !== "listen");
  if (withBody?.excerpt) return withBody.excerpt;
  const message = (error as { message?: unknown })?.message;
  return typeof message === "string" && message ? redactor.excerpt(message, max) : undefined;
}
