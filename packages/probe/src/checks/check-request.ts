// One request a check makes to the MCP endpoint. The body is read only when it can be evidence (an error
// answer); a success stream is cancelled as soon as its headers arrive, and a session a check opened by
// initializing is deleted again so probing never leaves sessions behind on the vendor's server.
import type { HeaderEvidence } from "@kensa/core";
import { headerEvidence } from "../evidence/headers";
import { WireError, type WireFailure } from "../net/wire";
import type { CheckContext } from "./check-context";

export type CheckAnswer =
  | { ok: true; status: number; headers: HeaderEvidence; raw: Headers; excerpt?: string }
  | { ok: false; failure: WireFailure };

export async function checkRequest(ctx: CheckContext, init: RequestInit): Promise<CheckAnswer> {
  if (!ctx.endpoint) return { ok: false, failure: { kind: "blocked", reason: "scheme-not-allowed", detail: "no HTTP endpoint" } };
  try {
    const response = await ctx.fetch(ctx.endpoint, { redirect: "manual", ...init });
    let excerpt: string | undefined;
    if (response.status >= 300) {
      const text = await response.text();
      excerpt = text ? ctx.redactor.excerpt(text, ctx.limits.maxExcerptChars, false) : undefined;
    } else {
      await response.body?.cancel().catch(() => undefined);
    }
    const sessionId = response.headers.get("mcp-session-id");
    if (sessionId && response.status < 300 && init.method === "POST") await deleteSession(ctx, sessionId, init.headers);
    return { ok: true, status: response.status, headers: headerEvidence(response.headers, ctx.redactor), raw: response.headers, ...(excerpt ? { excerpt } : {}) };
  } catch (error) {
    if (error instanceof WireError) return { ok: false, failure: error.outcome };
    return { ok: false, failure: { kind: "network-error", code: "ERR_NETWORK", message: ctx.redactor.redact(String((error as Error)?.message ?? error)) } };
  }
}

async function deleteSession(ctx: CheckContext, sessionId: string, headers: RequestInit["headers"]): Promise<void> {
  try {
    const sent = new Headers(headers);
    sent.set("mcp-session-id", sessionId);
    const response = await ctx.fetch(ctx.endpoint!, { method: "DELETE", headers: sent, redirect: "manual" });
    await response.body?.cancel().catch(() => undefined);
  } catch {
    // Best effort: the server expires abandoned sessions on its own.
  }
}
