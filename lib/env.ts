import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * The one place that reads process.env. An empty environment selects the embedded default:
 * PGlite in `.data/`, local file storage, the local Inngest executor, local accounts, Stripe off.
 * Every variable is documented in `.env.example`.
 */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const rate = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().nonnegative().default(fallback));
const flag = z.preprocess(
  (value) => (value === undefined || value === "" ? undefined : ["1", "true", "yes"].includes(String(value))),
  z.boolean().optional(),
);

const isCidrOrAddress = (entry: string) => ipaddr.isValidCIDR(entry) || ipaddr.isValid(entry);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  APP_URL: optionalUrl,

  TRACEPIPE_DATA_DIR: optionalString,
  DATABASE_URL: optionalString,
  DATABASE_DRIVER: z.preprocess(emptyToUndefined, z.enum(["pg", "neon"]).optional()),
  NEON_WS_PROXY: optionalString,
  DATABASE_LISTEN_URL: optionalString,

  BLOB_READ_WRITE_TOKEN: optionalString,
  VERCEL_BLOB_API_URL: optionalUrl,

  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalUrl,

  AUTH_SECRET: optionalString,
  DELETION_RECEIPT_SIGNING_KEY: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalUrl,
  ENTRA_API_AUDIENCE: optionalString,

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: optionalUrl,
  STRIPE_TEST_CLOCKS: flag,
  TRACEPIPE_FREE_STORAGE_GB_MONTHS: rate(1),

  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: optionalString,
  LLM_CLASSIFICATION_MODEL: optionalString,

  TRACEPIPE_SEED_API_KEY: optionalString,
  /** Comma-separated CIDRs (or addresses) of reverse proxies whose X-Forwarded-For entries are believed. */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.every(isCidrOrAddress),
        "TRUSTED_PROXIES: each entry must be an IP address or CIDR",
      ),
  ),
  /** Set to 1 by Vercel on its deployments. */
  VERCEL: optionalString,

  RATE_LIMIT_KEY_RPS: rate(20),
  RATE_LIMIT_INGEST_KEY_RPS: rate(250),
  RATE_LIMIT_USER_RPS: rate(500),
  RATE_LIMIT_BURST_SECONDS: rate(10),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: rate(20),
  CALLBACK_ALLOW_PRIVATE_ADDRESSES: flag,
  TRACEPIPE_MAX_INFLATED_BYTES: rate(2 * 1024 ** 3),
  TRACEPIPE_MAX_INFLATE_RATIO: rate(100),
  TRACEPIPE_STORAGE_QUOTA_BYTES: rate(50 * 1024 ** 3),
  TRACEPIPE_BENCH_ROUTES: flag,
  INGEST_FLUSH_MAX_ROWS: rate(10_000),
  INGEST_FLUSH_DELAY_MS: rate(1),
  INGEST_FLUSH_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  INGEST_QUEUE_MAX_ROWS: rate(100_000),
});

export type Env = z.infer<typeof envSchema>;

let cached: (Env & { dataDir: string }) | undefined;

export function getEnv(): Env & { dataDir: string } {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${detail}`);
    }
    cached = {
      ...parsed.data,
      dataDir: path.resolve(
        /* turbopackIgnore: true */ process.cwd(),
        parsed.data.TRACEPIPE_DATA_DIR ?? ".data",
      ),
    };
  }
  return cached;
}

/** Tests start fresh instances by changing TRACEPIPE_DATA_DIR; they call this to re-read the environment. */
export function resetEnvCache(): void {
  cached = undefined;
}

export type DatabaseMode = "pglite" | "postgres" | "neon";

export function getDatabaseMode(env = getEnv()): DatabaseMode {
  if (!env.DATABASE_URL) return "pglite";
  if (env.DATABASE_DRIVER) return env.DATABASE_DRIVER === "neon" ? "neon" : "postgres";
  return /\.neon\.tech(:|\/|$)/.test(new URL(env.DATABASE_URL).host) ? "neon" : "postgres";
}

export const isBlobStorage = (env = getEnv()) => Boolean(env.BLOB_READ_WRITE_TOKEN);
export const isInngestEngine = (env = getEnv()) =>
  Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_DEV);
export const isEntraConfigured = (env = getEnv()) =>
  Boolean(
    env.AUTH_MICROSOFT_ENTRA_ID_ID &&
      env.AUTH_MICROSOFT_ENTRA_ID_SECRET &&
      env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
  );
export const isStripeConfigured = (env = getEnv()) => Boolean(env.STRIPE_SECRET_KEY);
