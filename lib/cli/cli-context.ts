import { type ParseArgsConfig, parseArgs } from "node:util";
import { type ApiClient, createApiClient } from "./api-client";
import { getEntraAccessToken } from "./auth/entra-login";
import { type CliEnv, parseCliEnv } from "./cli-env";

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

/** What the process provides; tests pass their own environment and shorter poll intervals. */
export interface CliDeps {
  env?: Record<string, string | undefined>;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
}

export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, server: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

// An Entra token lives about an hour; asking msal again after a few minutes keeps long streams authorised.
const TOKEN_REUSE_MS = 5 * 60_000;

/** The API client for a command: server from --server or TRACEPIPE_URL, credential from the key or Entra. */
export function createCommandClient(
  server: string | undefined,
  deps: CliDeps,
  io: CliIo,
): { client: ApiClient; env: CliEnv } {
  const env = parseCliEnv(deps.env ?? {});
  const baseUrl = server ?? env.TRACEPIPE_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(`--server must be a URL, got "${baseUrl}"`);
  }
  let entra: { token: Promise<string>; at: number } | undefined;
  const getAuthorization = async () => {
    if (env.TRACEPIPE_API_KEY) return `Bearer ${env.TRACEPIPE_API_KEY}`;
    if (!entra || Date.now() - entra.at > TOKEN_REUSE_MS)
      entra = { token: getEntraAccessToken(env), at: Date.now() };
    return `Bearer ${await entra.token}`;
  };
  const client = createApiClient({
    baseUrl,
    getAuthorization,
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    onRetry: ({ status, waitMs, attempt }) =>
      io.stderr(
        `retrying after ${status === "network" ? "a network error" : status} in ${Math.round(waitMs)} ms (attempt ${attempt + 1})\n`,
      ),
  });
  return { client, env };
}
