/**
 * The error serializer for every log line. Database errors carry the failed statement's parameters (Drizzle's
 * `DrizzleQueryError` has `params` and repeats them in its message and stack; Postgres' `detail` quotes the
 * conflicting key, e.g. an email): those are customer data and secrets (a password hash on a failed sign-up), so
 * only the error's kind and the SQLSTATE code, constraint, table and column are kept.
 */

/** Fields of a driver error that name the failure without quoting any value. */
const SAFE_DB_FIELDS = ["code", "constraint", "table", "column", "schema", "severity", "routine"] as const;
const MAX_CAUSE_DEPTH = 5;

export interface SerializedLogError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

/** Drops the `params: …` part of a Drizzle "Failed query" message and the SQL text with it. */
export function redactErrorMessage(message: string): string {
  return message.replace(/Failed query: [\s\S]*$/, "Failed query");
}

/** Anything with properties, arrays included: what was thrown may be any object, not only a JSON record. */
function isObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function serializeAt(error: unknown, depth: number): unknown {
  if (!isObjectLike(error)) return error;
  const name = typeof error.name === "string" ? error.name : (error.constructor?.name ?? "Error");
  const rawMessage = typeof error.message === "string" ? error.message : "";
  const message = redactErrorMessage(rawMessage);
  const result: SerializedLogError = { type: name, message };
  if (typeof error.stack === "string") {
    // The stack's first lines repeat the message; keep only the frames after it.
    const frames = error.stack.slice(error.stack.indexOf(rawMessage) + rawMessage.length);
    result.stack = `${name}: ${message}${frames.startsWith("\n") ? frames : ""}`;
  }
  for (const field of SAFE_DB_FIELDS) {
    const value = error[field];
    if (typeof value === "string" || typeof value === "number") result[field] = value;
  }
  if (typeof error.status === "number") result.status = error.status;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    result.cause = serializeAt(error.cause, depth + 1);
  return result;
}

export function serializeError(error: unknown): unknown {
  return serializeAt(error, 0);
}
