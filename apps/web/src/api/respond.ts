// Responses of the public API: JSON with the cache policy its freshness allows, and errors as JSON
// naming what was wrong. Our own failures never leak internals: they are logged and become a plain 500.
import type { z } from "zod";
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

export function json(body: unknown, cache: string, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": cache },
  });
}

export function badRequest(issues: ParamIssue[]): Response {
  const first = issues[0]!;
  const body: ErrorBody & { issues: ParamIssue[] } = {
    error: { code: "bad_request", message: issues.map((i) => i.message).join("; "), parameter: first.parameter, expected: first.expected },
    issues,
  };
  return json(body, cachePolicy.none, 400);
}

export function notFound(what: string, parameter = "id"): Response {
  const body: ErrorBody = { error: { code: "not_found", message: what, parameter } };
  return json(body, "public, max-age=60", 404);
}

export function failure(error: unknown): Response {
  console.error("kensa web: API request failed:", error);
  const unavailable = error instanceof Error && "code" in error && (error as { code?: unknown }).code === "unavailable";
  const body: ErrorBody = unavailable
    ? { error: { code: "unavailable", message: "the database is unavailable; try again shortly" } }
    : { error: { code: "internal", message: "internal error" } };
  return json(body, cachePolicy.none, unavailable ? 503 : 500);
}
