// Kensa's own failures (never a target's: those are step outcomes). One code union, one status table.
export type KensaErrorCode =
  | "bad_config"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "invalid_catalogue"
  | "unavailable"
  | "internal";

export const httpStatusForCode: Record<KensaErrorCode, number> = {
  bad_config: 500,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  invalid_catalogue: 422,
  unavailable: 503,
  internal: 500,
};

export class KensaError extends Error {
  override readonly name = "KensaError";
  constructor(
    readonly code: KensaErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isKensaError(error: unknown, code?: KensaErrorCode): error is KensaError {
  return error instanceof KensaError && (code === undefined || error.code === code);
}
