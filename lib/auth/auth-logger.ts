import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { childLogger } from "@/lib/logger";

const log = childLogger("auth");

/**
 * Auth.js logs to the console by default, with a stack for every refused password; this routes it through pino.
 * A refused password is routine: one warn line, no stack. Auth.js wraps a real failure (a callback's exception, a
 * provider reply) in `cause`, which the logger's error serializer follows.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error: (error) =>
    error instanceof CredentialsSignin
      ? log.warn({ type: error.name, code: error.code }, "sign-in refused")
      : log.error({ err: error, type: error.name }, "auth error"),
  warn: (code) => log.warn({ code }, "auth warning"),
  debug: () => {},
};
