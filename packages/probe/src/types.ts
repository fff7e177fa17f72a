// The engine's public shapes. Records themselves (steps, summary) are core contracts; these are the inputs.
import type { Clock, CredentialSpec, ProbeCall, ProbeRunSummary, ProbeStepRecord, ReadinessCheck, RunPath, SecretSource } from "@kensa/core";
import type { ProbeLimits } from "./limits";
import type { AddressPolicy } from "./net/address-policy";

/** The parts of a listed tool a caller may choose calls by. */
export interface ListedToolShape {
  name: string;
  inputSchema?: unknown;
  annotations?: { readOnlyHint?: boolean } & Record<string, unknown>;
}

export type HttpTransportChoice = "streamable-http" | "sse" | "auto";

export type ProbeTarget =
  | { kind: "http"; url: string; transport?: HttpTransportChoice }
  | {
      kind: "stdio";
      command: string;
      args: string[];
      /** The only variables the server gets besides PATH and its own temporary HOME, TMPDIR and XDG_* folders. */
      env?: Record<string, string>;
      /** "keep" leaves the server its network; by default it is cut where the machine allows. */
      network?: "cut" | "keep";
    };

export interface ProbeOptions {
  target: ProbeTarget;
  credential: CredentialSpec;
  secrets: SecretSource;
  calls: ProbeCall[];
  /** Calls chosen from what tools/list answered, run after `calls` (the package probe picks one this way). */
  callsFromTools?: (tools: readonly ListedToolShape[]) => ProbeCall[];
  /** Repeat the call set this many times (default 1). */
  rounds?: number;
  checks?: "all" | "none" | ReadinessCheck[];
  limits?: Partial<ProbeLimits>;
  addressPolicy: AddressPolicy;
  /** Timestamps and token expiry; latency is always measured on the monotonic clock. Default: real time. */
  clock?: Clock;
  path?: RunPath;
  /** Sent with every request to the target's origin (never to an authorization server). */
  headers?: Record<string, string>;
  registry?: { serverJsonUrl?: string };
  /**
   * "all" (default): when the server answers in the modern era, one extra `initialize` on a connection of its
   * own tells whether it serves the initialize era too. "newest": no such request — the probe behaves as an
   * ordinary modern client (every request carries the modern headers and `_meta`).
   */
  eras?: "all" | "newest";
  /** Aborting stops the probe and rejects with the signal's reason (Kensa's cancellation, not a result). */
  signal?: AbortSignal;
}

export interface ProbeResult {
  startedAt: string;
  finishedAt: string;
  traceId: string;
  path: RunPath;
  summary: ProbeRunSummary;
  steps: ProbeStepRecord[];
}

export type { ProbeLimits, AddressPolicy };
