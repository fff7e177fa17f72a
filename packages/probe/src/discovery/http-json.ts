// GET (or POST) a small JSON document through the guarded fetch and keep the evidence a check needs:
// status, the headers that matter, the parsed body. Failures come back as data, never as a throw.
import type { HeaderEvidence } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import { headerEvidence } from "../evidence/headers";
import type { FetchLike } from "../net/guarded-fetch";
import { BodyInspector } from "../net/body-inspector";
import { WireError, type WireFailure } from "../net/wire";

export type HttpJson =
  | { ok: true; url: string; status: number; headers: HeaderEvidence; raw: Headers; json: unknown; text: string }
  | { ok: false; url: string; failure: WireFailure };

export async function httpJson(fetch: FetchLike, url: string, init: RequestInit, redactor: Redactor, maxDepth: number): Promise<HttpJson> {
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    return { ok: true, url, status: response.status, headers: headerEvidence(response.headers, redactor), raw: response.headers, json: parseJson(text, maxDepth), text };
  } catch (error) {
    if (error instanceof WireError) return { ok: false, url, failure: error.outcome };
    const e = error as { name?: string; message?: string };
    if (e?.name === "AbortError") return { ok: false, url, failure: { kind: "timeout", phase: "deadline", limitMs: 0 } };
    return { ok: false, url, failure: { kind: "network-error", code: "ERR_NETWORK", message: redactor.redact(String(e?.message ?? error)) } };
  }
}

/** The parsed body, or undefined when it is not JSON (or nests deeper than allowed, whatever its content type). */
export function parseJson(text: string, maxDepth: number): unknown {
  if (!text) return undefined;
  const inspector = new BodyInspector({ maxBytes: Number.MAX_SAFE_INTEGER, maxDepth, maxEvents: 1, eventStream: false, structured: true, keepBytes: 0 });
  if (inspector.push(Buffer.from(text))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
