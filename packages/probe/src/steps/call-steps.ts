// The tools/list and tools/call actions. Every request carries a W3C traceparent in params._meta, and
// what came back in the result's _meta is noted for the trace_context check. A tool result with
// isError: true is an outcome of its own (structured content first, text as the fallback).
import type { Client } from "@modelcontextprotocol/client";
import type { ProbeCall, StepOutcome } from "@kensa/core";
import type { TraceObservation } from "../checks/check-context";
import type { Redactor } from "../evidence/redactor";
import type { Exchange } from "../net/wire";
import { redactJson } from "./outcome-from-error";
import type { StepContext, StepResult } from "./step-runner";
import { traceparent } from "./trace-ids";

const MAX_TOOL_PAGES = 20;
const MAX_ERROR_TEXT = 2_048;

export interface CallDeps {
  client: Client;
  traceId: string;
  requestTimeoutMs: number;
  redactor: Redactor;
  traces: TraceObservation[];
  /** Filled by listTools: the first page's tool names in the server's order (the tools_order check's first answer). */
  firstPageNames?: string[];
}

type ListedTool = Awaited<ReturnType<Client["listTools"]>>["tools"][number];

export async function listTools(deps: CallDeps, { signal }: StepContext): Promise<StepResult<ListedTool[]>> {
  const tools: ListedTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const observation: TraceObservation = { method: "tools/list", sent: traceparent(deps.traceId), answered: false };
    deps.traces.push(observation);
    // "refresh": every listing goes to the server (a probe measures the server, not a cache) and is kept for
    // the SDK: callTool mirrors a tool's declared parameters into Mcp-Param-* headers from it (SEP-2243).
    const params = { ...(cursor ? { cursor } : {}), _meta: { traceparent: observation.sent } };
    const options = { timeout: deps.requestTimeoutMs, signal };
    // A server that does not declare the tools capability is still asked: the SDK's listTools would answer
    // an empty list itself, and the probe would record an answer the server never gave.
    const result = deps.client.getServerCapabilities()?.tools
      ? await deps.client.listTools(params, { ...options, cacheMode: "refresh" })
      : await deps.client.request({ method: "tools/list", params }, options);
    note(observation, result._meta);
    if (page === 0) deps.firstPageNames = result.tools.map((t) => t.name);
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return { value: tools };
}

export async function callTool(deps: CallDeps, call: ProbeCall, { signal, scope }: StepContext): Promise<StepResult<never>> {
  const observation: TraceObservation = { method: "tools/call", sent: traceparent(deps.traceId), answered: false };
  deps.traces.push(observation);
  const result = await deps.client.callTool(
    { name: call.tool, arguments: call.arguments, _meta: { traceparent: observation.sent } },
    { timeout: deps.requestTimeoutMs, signal },
  );
  note(observation, result._meta);
  if (result.isError !== true) return {};
  const text = (Array.isArray(result.content) ? result.content : [])
    .map((c) => (c && typeof c === "object" && "text" in c && typeof c.text === "string" ? c.text : ""))
    .filter(Boolean)
    .join("\n");
  const status = lastRpcStatus(scope.exchanges);
  const outcome: StepOutcome = {
    kind: "tool-error",
    text: deps.redactor.excerpt(text, MAX_ERROR_TEXT),
    ...(result.structuredContent !== undefined ? { structured: redactJson(result.structuredContent, deps.redactor) } : {}),
    ...(status !== undefined ? { httpStatus: status } : {}),
  };
  return { outcome, excerpt: deps.redactor.excerpt(text, MAX_ERROR_TEXT) };
}

function note(observation: TraceObservation, meta: unknown): void {
  observation.answered = true;
  const returned = meta && typeof meta === "object" ? (meta as Record<string, unknown>).traceparent : undefined;
  if (typeof returned === "string") observation.returned = returned.slice(0, 128);
}

function lastRpcStatus(exchanges: readonly Exchange[]): number | undefined {
  return [...exchanges].reverse().find((x) => x.role === "rpc" && x.status !== undefined)?.status;
}
