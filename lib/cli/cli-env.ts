import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * The CLI's own settings. They live apart from lib/env.ts because the CLI is a client on a customer's machine:
 * none of the server's variables apply, and tests pass an explicit environment instead of mutating process.env.
 */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const cliEnvSchema = z.object({
  TRACEPIPE_URL: z.preprocess(emptyToUndefined, z.url().default("http://localhost:3000")),
  TRACEPIPE_API_KEY: optionalString,
  TRACEPIPE_ENTRA_AUTHORITY: z.preprocess(emptyToUndefined, z.url().optional()),
  TRACEPIPE_ENTRA_CLIENT_ID: optionalString,
  TRACEPIPE_ENTRA_SCOPE: optionalString,
  ENTRA_API_AUDIENCE: optionalString,
  TRACEPIPE_CONFIG_DIR: optionalString,
  XDG_CONFIG_HOME: optionalString,
});

export type CliEnv = z.infer<typeof cliEnvSchema> & { configDir: string };

export function parseCliEnv(env: Record<string, string | undefined>): CliEnv {
  const parsed = cliEnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${detail}`);
  }
  const configDir =
    parsed.data.TRACEPIPE_CONFIG_DIR ??
    path.join(parsed.data.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config"), "tracepipe");
  return { ...parsed.data, configDir };
}
