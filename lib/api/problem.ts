import { ZodError } from "zod";
import { isUniqueViolation } from "@/db/postgres-errors";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** RFC 9457 problem details. `type` URIs are stable and documented at /v1/docs. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

const PROBLEM_BASE = "https://tracepipe.dev/problems/";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extras: { instance?: string; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  const body: ProblemDocument = {
    type: `${PROBLEM_BASE}${code}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    ...(extras.instance ? { instance: extras.instance } : {}),
    ...extras.extensions,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...extras.headers },
  });
}

/** A thrown error as the problem it is reported as: status, document and headers (the one mapping). */
export function toProblem(
  error: unknown,
  context: { requestId: string; instance?: string },
): { status: number; body: ProblemDocument; headers: Record<string, string> } {
  const { requestId, instance } = context;
  const problem = (
    status: number,
    code: string,
    detail: string,
    extensions: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => ({
    status,
    body: {
      type: `${PROBLEM_BASE}${code}`,
      title: titles[status] ?? "Error",
      status,
      detail,
      ...(instance ? { instance } : {}),
      ...extensions,
    },
    headers,
  });
  if (error instanceof AppError) {
    return problem(
      error.status,
      error.code,
      error.message,
      { ...error.extensions, request_id: requestId },
      error.headers,
    );
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "(root)",
      code: issue.code,
      message: issue.message,
    }));
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return problem(422, "validation_failed", `Validation failed: ${summary}`, {
      errors,
      request_id: requestId,
    });
  }
  if (isUniqueViolation(error)) {
    return problem(409, "conflict", "The resource already exists", { request_id: requestId });
  }
  logger.error({ err: error, requestId }, "unhandled error");
  return problem(500, "internal", `An unexpected error occurred (request id ${requestId})`, {
    request_id: requestId,
  });
}

/** The one mapper from anything thrown to a problem+json response. */
export function toProblemResponse(
  error: unknown,
  context: { requestId: string; instance?: string },
): Response {
  const { status, body, headers } = toProblem(error, context);
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}
