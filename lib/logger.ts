import pino, { type DestinationStream, type LoggerOptions } from "pino";
import { getEnv } from "@/lib/env";
import { serializeError } from "@/lib/logging/serialize-error";

/**
 * The one redaction path for every log line: credentials, emails and hashes are censored wherever they appear in
 * logged objects, and errors go through `serializeError`, which never keeps a failed query's parameters.
 */
function loggerOptions(level: LoggerOptions["level"]): LoggerOptions {
  const secretKeys = [
    "password",
    "passwordHash",
    "apiKey",
    "secret",
    "token",
    "authorization",
    "cookie",
    "email",
  ];
  return {
    level,
    base: { service: "tracepipe" },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    redact: {
      paths: [
        ...secretKeys.flatMap((key) => [key, `*.${key}`]),
        "params",
        "*.params",
        'headers["x-api-key"]',
        "headers.authorization",
        "headers.cookie",
      ],
      censor: "[redacted]",
    },
  };
}

/** A logger with the production options writing to `destination` (tests capture lines this way). */
export function createLogger(destination?: DestinationStream, level?: LoggerOptions["level"]) {
  const env = getEnv();
  const options = loggerOptions(level ?? env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"));
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();

export function childLogger(scope: string, bindings: Record<string, unknown> = {}) {
  return logger.child({ scope, ...bindings });
}
