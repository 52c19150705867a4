/**
 * The one error type whose message may reach a user. Anything else is reported as a 500 with a request id,
 * its detail only in the log.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "idempotency_key_in_use"
  | "idempotency_key_reused"
  | "payment_required"
  | "payload_too_large"
  | "storage_quota_exceeded"
  | "unsupported_media_type"
  | "unprocessable"
  | "no_records"
  | "rate_limited"
  | "unavailable"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
  payment_required: 402,
  payload_too_large: 413,
  storage_quota_exceeded: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  no_records: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface AppErrorOptions {
  code: AppErrorCode;
  message: string;
  status?: number;
  /** Extension members of the problem document (RFC 9457 §3.2), e.g. `errors` or `limit`. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(options: AppErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = "AppError";
    this.code = options.code;
    this.status = options.status ?? statusByCode[options.code];
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string) => new AppError({ code: "not_found", message: `${what} not found` });
export const forbidden = (message = "You do not have access to this resource") =>
  new AppError({ code: "forbidden", message });
export const badRequest = (message: string, extensions?: Record<string, unknown>) =>
  new AppError({ code: "bad_request", message, extensions });
export const unauthorized = (message = "A valid credential is required") =>
  new AppError({
    code: "unauthorized",
    message,
    headers: { "WWW-Authenticate": 'Bearer realm="tracepipe"' },
  });
