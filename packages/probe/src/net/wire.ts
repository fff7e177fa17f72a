// What crossed the wire during each step. The fetch layer records every HTTP exchange here; when a bound
// trips or a guard refuses, the failure is pinned on the running step and its request is aborted at once,
// so the step ends with the real reason instead of waiting for a generic client timeout.
import type { HeaderEvidence, StepOutcome } from "@kensa/core";

export type WireFailure = Extract<StepOutcome, { kind: "timeout" | "network-error" | "protocol-violation" | "blocked" }>;

/** rpc: a JSON-RPC POST; listen: a long-lived event stream; check / oauth: the engine's own requests. */
export type ExchangeRole = "rpc" | "listen" | "check" | "oauth";

export interface Exchange {
  role: ExchangeRole;
  method: string;
  /** Redacted: no userinfo, secret-looking query values masked. */
  url: string;
  status?: number;
  headers?: HeaderEvidence;
  contentType?: string;
  bodyBytes: number;
  /** Redacted, bounded start of the body; filled when the body ends or is abandoned. */
  excerpt?: string;
  failure?: WireFailure;
  redirectedTo?: string;
}

/**
 * The reason every ended step's signal carries: one shared value, because a DOMException captures a stack when
 * made, and making one per step was a tenth of a probe's own CPU (about 18 steps a probe, most with nothing in
 * flight). Nothing reads its stack; requests cut by it are told apart by the signal, not the object.
 */
const stepEnded = new DOMException("step ended", "AbortError");

/** Thrown (or used to error a body stream) by the fetch layer: carries the outcome it stands for. */
export class WireError extends Error {
  override readonly name = "WireError";
  constructor(readonly outcome: WireFailure) {
    super(outcome.kind === "timeout" ? `timeout (${outcome.phase}, ${outcome.limitMs} ms)` : `${outcome.kind}: ${"detail" in outcome ? outcome.detail : outcome.message}`);
  }
}

export interface StepScope {
  readonly exchanges: Exchange[];
  /** Aborted when the step fails or ends: cuts whatever the step left on the wire. */
  readonly signal: AbortSignal;
  /** Aborted only when the step fails. The SDK gets this one: it sends notifications/cancelled when its
   * signal aborts, even for a request already answered, so aborting it at every step's end spammed servers. */
  readonly failSignal: AbortSignal;
  failure?: WireFailure;
  redirects: number;
}

export class Wire {
  private current: (StepScope & { controller: AbortController; failController: AbortController }) | undefined;
  /** Exchanges made outside any step (e.g. a listening stream opened between steps). */
  readonly background: Exchange[] = [];

  beginStep(): StepScope {
    const controller = new AbortController();
    const failController = new AbortController();
    this.current = { exchanges: [], signal: controller.signal, controller, failSignal: failController.signal, failController, redirects: 0 };
    return this.current;
  }

  /** Ends the step; anything it left in flight (a request the SDK gave up on) is cut now, not later. */
  endStep(): void {
    const step = this.current;
    this.current = undefined;
    if (step && !step.controller.signal.aborted) step.controller.abort(stepEnded);
  }

  get step(): StepScope | undefined {
    return this.current;
  }

  record(exchange: Exchange): void {
    (this.current?.exchanges ?? this.background).push(exchange);
  }

  /**
   * A bound tripped or a guard refused. Pinned on the exchange; when it concerns the running step (`step`:
   * the step the exchange was sent in, or "current"), that step's first failure wins and its in-flight
   * request is aborted. A late failure of an earlier step's request never lands on a later step.
   */
  trip(exchange: Exchange | undefined, failure: WireFailure, step: StepScope | "current" | undefined): void {
    if (exchange && !exchange.failure) exchange.failure = failure;
    const current = this.current;
    if (!current || step === undefined || (step !== "current" && step !== current)) return;
    const scope = current;
    scope.failure ??= failure;
    if (!scope.controller.signal.aborted) scope.controller.abort(new WireError(failure));
    if (!scope.failController.signal.aborted) scope.failController.abort(new WireError(failure));
  }
}
