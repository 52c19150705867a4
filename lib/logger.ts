import pino from "pino";
import { getEnv } from "@/lib/env";

const env = getEnv();

// Secrets never reach a log line: credentials are redacted wherever they appear in logged objects.
export const logger = pino({
  level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "tracepipe" },
  redact: {
    paths: [
      "password",
      "*.password",
      "apiKey",
      "*.apiKey",
      "secret",
      "*.secret",
      "authorization",
      "*.authorization",
      'headers["x-api-key"]',
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export function childLogger(scope: string, bindings: Record<string, unknown> = {}) {
  return logger.child({ scope, ...bindings });
}
