// What a `package` run shows about a vendor's published server without a vendor account, each a finding
// with its evidence: how long it takes to a usable session, what protocol and capabilities it offers, its
// tools, what a call without a working credential returns and whether an agent could act on it, whether it
// writes anything but JSON-RPC on stdout, and how it ends when its stdin closes. Pure: read from the stored
// run (summary and steps), so every page and API derives the same findings.
import { z } from "zod";
import type { ProbeRunSummary, ProbeStepRecord } from "./probe-record";

export const PackageFindingId = z.enum(["startup", "protocol", "capabilities", "tools", "unauthenticated_call", "stdout", "stdin_close"]);
export type PackageFindingId = z.infer<typeof PackageFindingId>;

/** good: what an agent's client needs; concern: a problem for one; info: a fact without a verdict; not_observed: the run never got there. */
export const PackageVerdict = z.enum(["good", "concern", "info", "not_observed"]);
export type PackageVerdict = z.infer<typeof PackageVerdict>;

/** How a tool call without a working credential was answered. */
export const UnauthenticatedShape = z.enum(["tool_error", "rpc_error", "crash", "hang", "succeeded", "not_called"]);
export type UnauthenticatedShape = z.infer<typeof UnauthenticatedShape>;

/** What the answer tells an agent: the credential or configuration to fix, the network, or nothing it can act on. */
export const ErrorActionability = z.enum(["names_credential", "names_network", "opaque"]);
export type ErrorActionability = z.infer<typeof ErrorActionability>;

export const PackageFinding = z.object({
  id: PackageFindingId,
  verdict: PackageVerdict,
  /** The measured value (ms, a version, a count, a shape), when there is one. */
  value: z.union([z.string(), z.number()]).optional(),
  shape: UnauthenticatedShape.optional(),
  actionability: ErrorActionability.optional(),
  /** What was seen, in words (redacted excerpts only). */
  evidence: z.string(),
});
export type PackageFinding = z.infer<typeof PackageFinding>;

const credentialWords = /api[ _-]?key|access[ _-]?token|\btoken\b|credential|unauthori[sz]ed|unauthenticated|\b40[13]\b|forbidden|permission|invalid.{0,20}(key|secret)|not (set|configured)|missing|環境変数|認証|トークン/i;
const networkWords = /ENETUNREACH|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed|network|getaddrinfo|socket hang up|connect/i;

/** What an error message lets an agent do: variable names it was given count as naming the credential. */
export function errorActionability(message: string, envNames: readonly string[] = []): ErrorActionability {
  if (envNames.some((name) => message.includes(name)) || credentialWords.test(message)) return "names_credential";
  if (networkWords.test(message)) return "names_network";
  return "opaque";
}

const excerpt = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function packageFindings(run: { summary: ProbeRunSummary; steps: readonly ProbeStepRecord[] }): PackageFinding[] {
  const { summary, steps } = run;
  const init = steps.find((s) => s.name === "initialize");
  const connect = steps.find((s) => s.name === "connect");
  const started = init?.outcome.kind === "ok";
  const findings: PackageFinding[] = [];

  if (started) {
    const ms = Math.round((connect?.latencyMs ?? 0) + init.latencyMs);
    findings.push({ id: "startup", verdict: "info", value: ms, evidence: `spawn to initialize result in ${ms} ms` });
  } else {
    const why = init?.classification ? `${init.classification.errorClass} (${init.classification.fault})` : init ? init.outcome.kind : "no initialize step";
    const words = init?.outcome.kind === "process-exit" ? `: ${excerpt(init.outcome.stderr)}` : "";
    findings.push({ id: "startup", verdict: "concern", evidence: `no usable session: ${why}${words}` });
  }

  findings.push(summary.protocolVersion
    ? { id: "protocol", verdict: "info", value: summary.protocolVersion, evidence: `initialize answered protocolVersion ${summary.protocolVersion}${summary.serverInfo ? ` (${summary.serverInfo.name}${summary.serverInfo.version ? ` ${summary.serverInfo.version}` : ""})` : ""}` }
    : { id: "protocol", verdict: "not_observed", evidence: "no initialize result" });

  const capabilities = Object.keys(summary.capabilities ?? {}).sort();
  findings.push(summary.capabilities
    ? { id: "capabilities", verdict: "info", value: capabilities.join(", "), evidence: capabilities.length ? `declares ${capabilities.join(", ")}` : "declares no capabilities" }
    : { id: "capabilities", verdict: "not_observed", evidence: "no initialize result" });

  const list = steps.find((s) => s.name === "tools/list");
  if (summary.tools) {
    findings.push({ id: "tools", verdict: summary.tools.count > 0 ? "info" : "concern", value: summary.tools.count, evidence: `${summary.tools.count} tools (${summary.tools.withSchema} with an input schema, ${summary.tools.writeTools} not marked read-only)` });
  } else {
    findings.push({ id: "tools", verdict: list ? "concern" : "not_observed", evidence: list ? `tools/list failed: ${list.classification?.errorClass ?? list.outcome.kind}` : "tools/list was not reached" });
  }

  findings.push(unauthenticatedCall(steps, summary.package?.dummyEnv ?? []));

  const stdio = summary.stdio;
  if (stdio) {
    const bytes = stdio.nonProtocolStdoutBytes;
    findings.push(bytes > 0
      ? { id: "stdout", verdict: "concern", value: bytes, evidence: `${bytes} bytes on stdout were not JSON-RPC (a client may drop the session on them)` }
      : { id: "stdout", verdict: "good", value: 0, evidence: "stdout carried JSON-RPC only" });
    findings.push(stdinClose(stdio));
  }
  return findings;
}

function unauthenticatedCall(steps: readonly ProbeStepRecord[], envNames: readonly string[]): PackageFinding {
  const call = steps.find((s) => s.kind === "call");
  if (!call) return { id: "unauthenticated_call", verdict: "not_observed", shape: "not_called", evidence: "no tool was called (no session, or no tools listed)" };
  const tool = call.name.replace(/^tools\/call:/, "");
  const o = call.outcome;
  switch (o.kind) {
    case "ok":
      return { id: "unauthenticated_call", verdict: "info", shape: "succeeded", evidence: `${tool} succeeded with dummy configuration (it needed no credential, or answered from local data)` };
    case "tool-error": {
      const actionability = errorActionability(o.text, envNames);
      return { id: "unauthenticated_call", verdict: actionability === "opaque" ? "concern" : "good", shape: "tool_error", actionability, evidence: `${tool}: isError result: ${excerpt(o.text)}` };
    }
    case "rpc-error": {
      const actionability = errorActionability(o.message, envNames);
      return { id: "unauthenticated_call", verdict: actionability === "opaque" ? "concern" : "good", shape: "rpc_error", actionability, evidence: `${tool}: JSON-RPC error ${o.code}: ${excerpt(o.message)}` };
    }
    case "process-exit":
      return { id: "unauthenticated_call", verdict: "concern", shape: "crash", actionability: errorActionability(o.stderr, envNames), evidence: `${tool}: the process exited (code ${o.exitCode ?? "none"}${o.signal ? `, ${o.signal}` : ""}): ${excerpt(o.stderr)}` };
    case "timeout":
      return { id: "unauthenticated_call", verdict: "concern", shape: "hang", evidence: `${tool}: no answer within ${o.limitMs} ms` };
    case "protocol-violation":
    case "http-error":
    case "network-error":
    case "blocked":
      return { id: "unauthenticated_call", verdict: "concern", shape: "crash", evidence: `${tool}: ${o.kind}${"detail" in o ? `: ${excerpt(o.detail)}` : "message" in o ? `: ${excerpt(o.message)}` : ""}` };
  }
}

function stdinClose(stdio: NonNullable<ProbeRunSummary["stdio"]>): PackageFinding {
  switch (stdio.ended) {
    case "stdin-close":
      return { id: "stdin_close", verdict: "good", value: "exits", evidence: "exited when its stdin closed" };
    case "SIGTERM":
    case "SIGKILL":
      return { id: "stdin_close", verdict: "concern", value: stdio.ended, evidence: `kept running after its stdin closed; stopped with ${stdio.ended}` };
    case "itself":
      return { id: "stdin_close", verdict: "info", value: "exited before", evidence: `exited by itself before its stdin was closed (code ${stdio.exitCode ?? "none"})` };
    case "bound":
      return { id: "stdin_close", verdict: "concern", value: "bound", evidence: "stopped for exceeding a bound before its stdin was closed" };
    case undefined:
      return { id: "stdin_close", verdict: "not_observed", evidence: "how it ended was not recorded" };
  }
}
