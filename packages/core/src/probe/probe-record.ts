// The records a probe run produces: what the engine returns, what storage keeps, what scoring reads.
import { z } from "zod";
import { CheckResult } from "./check-result";
import { Classification } from "./classification";
import { StepOutcome } from "./step-outcome";
import { ToolDefinitionRecord } from "./tool-definitions";
import { DataSource } from "../provenance/data-source";

/**
 * transport: opening the connection (TCP/TLS, or spawning a stdio server); auth: an OAuth token grant;
 * protocol: initialize and tools/list; call: a catalogued tools/call; check: a readiness check.
 */
export const StepKind = z.enum(["transport", "auth", "protocol", "call", "check"]);
export type StepKind = z.infer<typeof StepKind>;

export const ProbeStepRecord = z.object({
  seq: z.number().int().nonnegative(),
  /** "connect" | "initialize" | "tools/list" | "tools/call:<tool>" | "check:<readiness check>" */
  name: z.string().min(1),
  kind: StepKind,
  startedAt: z.iso.datetime(),
  latencyMs: z.number().nonnegative(),
  outcome: StepOutcome,
  /** Present on failed steps once classified. */
  classification: Classification.optional(),
  /** Present on check steps. */
  check: CheckResult.optional(),
  /** The credential as sent with this step: lets the classifier tell auth_expired from auth_invalid. */
  credential: z
    .object({
      /** The probe knew the token was past its expiry (issued + expires_in) when the step was sent. */
      expiredAtSend: z.boolean(),
      ageSec: z.number().nonnegative().optional(),
    })
    .optional(),
  /** Calls only: what the catalogue expected (ProbeCall.expect; today always success). */
  expect: z.literal("success").optional(),
  /** Redacted, bounded excerpt of what came back (never a secret). */
  excerpt: z.string().optional(),
  traceId: z.string().optional(),
});
export type ProbeStepRecord = z.infer<typeof ProbeStepRecord>;

export const RunTrigger = z.enum(["schedule", "manual", "backfill", "scan"]);
export type RunTrigger = z.infer<typeof RunTrigger>;
/** Where a run's target was: the data-source table (provenance/data-source.ts) is the one list. */
export const RunSource = DataSource;
export type RunSource = z.infer<typeof RunSource>;
export const RunPath = z.enum(["direct", "gateway"]);
export type RunPath = z.infer<typeof RunPath>;

/** A stored path name as a RunPath: only "gateway" is the gateway's; anything else was a direct run. */
export function runPathOf(stored: string): RunPath {
  return stored === "gateway" ? "gateway" : "direct";
}

export const ToolsSummary = z.object({
  count: z.number().int().nonnegative(),
  withSchema: z.number().int().nonnegative(),
  /** sha256 of the canonical tool definitions: a change is drift. */
  hash: z.string(),
  /** The first names in sort order (at most a few hundred, each bounded); `count` is the real number. */
  names: z.array(z.string()),
  /** How many names were left out of `names` because the list was too long to keep. */
  namesOmitted: z.number().int().nonnegative().optional(),
  /** Tools not annotated readOnlyHint: true — a server with write tools and no auth is capped. */
  writeTools: z.number().int().nonnegative(),
  /** The definitions as listed, bounded (tool-definitions.ts): what the tools axis judges. Absent in runs
   * recorded before they were kept. */
  definitions: z.array(ToolDefinitionRecord).optional(),
  /** Tools listed but not kept in `definitions` (over the size budget). */
  definitionsOmitted: z.number().int().nonnegative().optional(),
  /** Characters of the whole tools/list result's `tools` array as JSON: what the list costs an agent's context. */
  listChars: z.number().int().nonnegative().optional(),
});
export type ToolsSummary = z.infer<typeof ToolsSummary>;

/** Facts about the credential during the run: lets auth_expired be told apart from a bad credential. */
export const CredentialSummary = z.object({
  mode: z.enum(["none", "static", "oauth-refresh", "oauth-client-credentials"]),
  issuedAt: z.iso.datetime().optional(),
  expiresInSec: z.number().optional(),
  refreshes: z.number().int().nonnegative(),
  expiredDuringRun: z.number().int().nonnegative(),
});
export type CredentialSummary = z.infer<typeof CredentialSummary>;

/**
 * How a stdio server's process was isolated and how it ended: the evidence that it ran on its own, and
 * where the machine could not do something (network, memory), why. Environment values are never kept.
 */
export const StdioIsolation = z.object({
  /** "cut" or "not cut: <reason>". */
  network: z.string(),
  /** How memory was bounded, or why it was not. */
  memory: z.string(),
  /** Names of the environment variables the server was given, besides PATH and its own HOME, TMPDIR, XDG_*. */
  env: z.array(z.string()),
  /** What isolating cost before the spawn (temporary folders, namespace check), in ms. */
  setupMs: z.number().nonnegative(),
  /** itself: before Kensa closed it; stdin-close: when its stdin closed; SIGTERM / SIGKILL: only when signalled; bound: stopped for a bound. */
  ended: z.enum(["itself", "stdin-close", "SIGTERM", "SIGKILL", "bound"]).optional(),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
  /** Bytes of stdout lines that were not JSON-RPC messages. */
  nonProtocolStdoutBytes: z.number().int().nonnegative(),
  /** The start and the end of what it wrote to stderr, redacted and bounded. */
  stderr: z.string().optional(),
});
export type StdioIsolation = z.infer<typeof StdioIsolation>;

/** The vendor's package a `package` run started: exactly what the catalogue pinned, its integrity checked before it ran. */
export const PackageIdentity = z.object({
  registry: z.literal("npm"),
  name: z.string().min(1),
  version: z.string().min(1),
  integrity: z.string().min(1),
  /** Names of the documented dummy variables it was given (values are never kept). */
  dummyEnv: z.array(z.string()),
});
export type PackageIdentity = z.infer<typeof PackageIdentity>;

/**
 * MCP's two handshake generations: "initialize" (2024-11-05 … 2025-11-25: an initialize request opens a
 * session) and "modern" (2026-07-28 on: `server/discover`, version and capabilities in every request's
 * `_meta`, no session).
 */
export const ProtocolEra = z.enum(["modern", "initialize"]);
export type ProtocolEra = z.infer<typeof ProtocolEra>;

/** An era the server answered in, with the protocol versions it offered there (initialize: the one it chose). */
export const EraOffer = z.object({ era: ProtocolEra, versions: z.array(z.string()) });
export type EraOffer = z.infer<typeof EraOffer>;

export const ProbeRunSummary = z.object({
  target: z.object({ url: z.string().optional(), transport: z.enum(["streamable-http", "sse", "stdio"]) }),
  /** The era the run's calls were made in (the newest the server offered), and its protocol version. */
  protocolEra: ProtocolEra.optional(),
  protocolVersion: z.string().optional(),
  /** Every era the server answered in, newest first; empty when neither handshake succeeded. */
  eras: z.array(EraOffer).optional(),
  serverInfo: z.object({ name: z.string(), version: z.string().optional() }).optional(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
  tools: ToolsSummary.optional(),
  credential: CredentialSummary.optional(),
  stdio: StdioIsolation.optional(),
  package: PackageIdentity.optional(),
});
export type ProbeRunSummary = z.infer<typeof ProbeRunSummary>;

export const ProbeRunRecord = z.object({
  id: z.uuid(),
  idempotencyKey: z.string().min(1),
  serviceId: z.string().min(1),
  trigger: RunTrigger,
  source: RunSource,
  path: RunPath,
  workerId: z.string().optional(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  traceId: z.string().optional(),
  summary: ProbeRunSummary,
  steps: z.array(ProbeStepRecord),
});
export type ProbeRunRecord = z.infer<typeof ProbeRunRecord>;

/**
 * MCP requests are the traffic success rates are judged on: initialize, tools/list, tools/call. A connection
 * that fails is one too (the initialize it was opened for could not be sent); a connection that opens is only a
 * precondition, not an answer. Token grants and readiness checks are never traffic: a broken grant shows up as
 * the requests it leaves unauthenticated, and checks are findings.
 */
export function isTrafficStep(step: { kind: StepKind; ok?: boolean }): boolean {
  switch (step.kind) {
    case "protocol":
    case "call":
      return true;
    case "transport":
      return step.ok === false;
    case "auth":
    case "check":
      return false;
  }
}

/** A step is ok when its outcome is; a check is ok unless it failed or could not be decided. */
export function stepOk(step: Pick<ProbeStepRecord, "kind" | "outcome" | "check">): boolean {
  if (step.kind === "check") return step.check?.verdict === "pass" || step.check?.verdict === "not_applicable";
  return step.outcome.kind === "ok";
}
