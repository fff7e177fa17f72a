// Responses of the public API: JSON with the cache policy its freshness allows, and errors as JSON
// naming what was wrong, their status from core's code table. Our own failures never leak internals: they
// are logged and become a plain 500.
import type { z } from "zod";
import { httpStatusForCode } from "@kensa/core";
import type { ApiErrorBody } from "./schemas";
import type { ParamIssue } from "./query-params";

export const cachePolicy = {
  /** Figures that change once per sweep. */
  live: "public, max-age=60, stale-while-revalidate=300",
  history: "public, max-age=300, stale-while-revalidate=3600",
  badge: "public, max-age=300, stale-while-revalidate=86400",
  document: "public, max-age=3600",
  none: "no-store",
} as const;

type ErrorBody = z.infer<typeof ApiErrorBody>;
/** An error as the API answers it: its code, what was wrong, and the parameter it concerns. */
export type ApiError = ErrorBody["error"];

export interface ErrorResponseOptions {
  /** No-store unless said otherwise: an error is about this request. */
  cache?: string;
  headers?: Record<string, string>;
  /** Fields beside `error` (a rejected query lists every issue). */
  extra?: Record<string, unknown>;
}

export function json(body: unknown, cache: string, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}

/** Every error the API answers: `{ error }` with the status core's table gives its code. */
export function errorResponse(error: ApiError, options: ErrorResponseOptions = {}): Response {
  const response = json({ error, ...options.extra }, options.cache ?? cachePolicy.none, httpStatusForCode[error.code]);
  for (const [name, value] of Object.entries(options.headers ?? {})) response.headers.set(name, value);
  return response;
}

export function badRequest(issues: ParamIssue[]): Response {
  const first = issues[0]!;
  const error: ApiError = { code: "bad_request", message: issues.map((i) => i.message).join("; "), parameter: first.parameter, expected: first.expected };
  return errorResponse(error, { extra: { issues } });
}

export function notFound(what: string, parameter = "id"): Response {
  return errorResponse({ code: "not_found", message: what, parameter }, { cache: "public, max-age=60" });
}

export function failure(error: unknown): Response {
  console.error("kensa web: API request failed:", error);
  const unavailable = error instanceof Error && "code" in error && (error as { code?: unknown }).code === "unavailable";
  return errorResponse(unavailable ? { code: "unavailable", message: "the database is unavailable; try again shortly" } : { code: "internal", message: "internal error" });
}
