// Test support: one JSON-RPC request over plain fetch, answered as data — so a test can see exactly what
// the wire carried (status, headers, body) without a client library interpreting it.
export type RawAnswer =
  | { kind: "http"; status: number; headers: Headers; json?: unknown; text: string }
  | { kind: "timeout" }
  | { kind: "network"; code: string };

const protocolHeaders = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" };

let nextId = 1;

export async function rawCall(url: string, method: string, params: unknown, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<RawAnswer> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params });
  try {
    const res = await fetch(url, { method: "POST", headers: { ...protocolHeaders, ...headers }, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let json: unknown;
    const data = res.headers.get("content-type")?.includes("text/event-stream") ? /^data: (.*)$/m.exec(text)?.[1] : text;
    try {
      json = data === undefined ? undefined : JSON.parse(data);
    } catch {
      json = undefined;
    }
    return { kind: "http", status: res.status, headers: res.headers, json, text };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") return { kind: "timeout" };
    return { kind: "network", code: e.cause?.code ?? "unknown" };
  }
}

/** A tools/call answer reduced to the class a classifier would give it (for tests that count outcomes). */
export function outcomeOf(answer: RawAnswer): string {
  if (answer.kind !== "http") return answer.kind === "timeout" ? "timeout" : "network_error";
  const json = answer.json as { result?: { isError?: boolean; content?: { text?: string }[]; structuredContent?: { error?: { class?: string } } }; error?: { code: number } } | undefined;
  if (answer.status === 429) return "rate_limited";
  if (answer.status === 401) return /expired/.test(answer.headers.get("www-authenticate") ?? answer.text) ? "auth_expired" : "auth_invalid";
  if (answer.status === 403) return "auth_forbidden";
  if (answer.status === 502 || answer.status === 504) return "gateway_error";
  if (answer.status >= 500) return "server_error";
  if (answer.status === 200 && json === undefined) return "protocol_error";
  if (json?.error) return json.error.code === -32602 ? "invalid_input" : "rpc_error";
  if (json?.result?.isError) {
    const cls = json.result.structuredContent?.error?.class;
    if (cls) return cls;
    const text = json.result.content?.[0]?.text ?? "";
    return /-32602|validation|Invalid arguments/i.test(text) ? "invalid_input" : /not_found|does not exist/i.test(text) ? "not_found" : "tool_error";
  }
  return "ok";
}
