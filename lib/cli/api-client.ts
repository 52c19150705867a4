import { z } from "zod";

/** An RFC 9457 problem answer from the Tracepipe API, carried to the CLI's error printer. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: { field?: string; message?: string }[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

const problemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});

export async function toProblemError(response: Response): Promise<ApiProblemError> {
  const text = await response.text().catch(() => "");
  let parsed: z.infer<typeof problemSchema> = {};
  try {
    parsed = problemSchema.parse(JSON.parse(text));
  } catch {
    // Not problem+json (a proxy's HTML page, say): show the start of the body instead.
    parsed = { detail: text.slice(0, 200) || undefined };
  }
  return new ApiProblemError(
    response.status,
    parsed.title ?? `HTTP ${response.status} ${response.statusText}`.trim(),
    parsed.detail,
    parsed.errors,
  );
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Resolved once per request so an Entra token refreshed by msal is picked up. */
  getAuthorization: () => Promise<string>;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  onRetry?: (info: { status: number | "network"; waitMs: number; attempt: number }) => void;
}

export interface ApiRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  /**
   * `all` retries network errors, 429 and 5xx: for requests the server makes idempotent (an Idempotency-Key, a
   * GET). `throttle` retries only 429, which the rate limiter answers before doing any work (a multipart upload).
   */
  retry?: "all" | "throttle" | "none";
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const MAX_WAIT_MS = 60_000;

export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = options.maxAttempts ?? 6;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");

  async function request(req: ApiRequest): Promise<Response> {
    const retry = req.retry ?? "all";
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(MAX_WAIT_MS, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}${req.path}`, {
          method: req.method ?? "GET",
          headers: { authorization: await options.getAuthorization(), ...req.headers },
          body: req.body,
        });
      } catch (error) {
        if (retry !== "all" || attempt >= maxAttempts) throw error;
        options.onRetry?.({ status: "network", waitMs: backoff, attempt });
        await sleep(backoff);
        continue;
      }
      // 409 with Retry-After: the same Idempotency-Key is still running on the server (a retry raced it).
      const isKeyInUse = response.status === 409 && response.headers.has("retry-after");
      const retriable =
        response.status === 429 || (retry === "all" && (response.status >= 500 || isKeyInUse));
      if (retry === "none" || !retriable || attempt >= maxAttempts) return response;
      const waitMs = Math.min(MAX_WAIT_MS, parseRetryAfter(response.headers.get("retry-after")) ?? backoff);
      await response.body?.cancel();
      options.onRetry?.({ status: response.status, waitMs, attempt });
      await sleep(waitMs);
    }
  }

  /** A request whose success is `expected`; anything else becomes an ApiProblemError. */
  async function requestJson<T>(req: ApiRequest, expected: number[], schema: z.ZodType<T>): Promise<T> {
    const response = await request(req);
    if (!expected.includes(response.status)) throw await toProblemError(response);
    return schema.parse(await response.json());
  }

  return { baseUrl, request, requestJson };
}

export type ApiClient = ReturnType<typeof createApiClient>;
