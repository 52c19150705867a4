import { AppError } from "@/lib/errors";
import { IDEMPOTENCY_TTL_HOURS } from "@/schemas/ingest";

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Where first responses are kept; the database in the app, a Map in sandbox tests. */
export interface IdempotencyStore {
  find(args: {
    userId: string;
    scope: string;
    key: string;
    notBefore: Date;
  }): Promise<StoredResponse | undefined>;
  save(args: {
    userId: string;
    scope: string;
    key: string;
    status: number;
    body: unknown;
    expiredBefore: Date;
  }): Promise<void>;
}

const TTL_MS = IDEMPOTENCY_TTL_HOURS * 60 * 60 * 1000;

export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key")?.trim();
  if (key === undefined || key === "") return undefined;
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError({
      code: "bad_request",
      message: "Idempotency-Key must be 1–255 visible ASCII characters",
    });
  }
  return key;
}

/**
 * Runs `handle` once per `Idempotency-Key` (per caller and scope) within 24 h and replays its first successful
 * response afterwards. Errors are not stored, so a retry after a 409/413/5xx runs again.
 */
export async function withIdempotency(
  args: { request: Request; userId: string; scope: string; store: IdempotencyStore; now?: Date },
  handle: () => Promise<StoredResponse>,
): Promise<Response> {
  const key = readIdempotencyKey(args.request);
  if (!key) {
    const result = await handle();
    return Response.json(result.body, { status: result.status });
  }
  const now = args.now ?? new Date();
  const cutoff = new Date(now.getTime() - TTL_MS);
  const base = { userId: args.userId, scope: args.scope, key };
  const previous = await args.store.find({ ...base, notBefore: cutoff });
  if (previous) {
    return Response.json(previous.body, {
      status: previous.status,
      headers: { "idempotent-replayed": "true" },
    });
  }
  const result = await handle();
  if (result.status >= 200 && result.status < 300) {
    await args.store.save({ ...base, status: result.status, body: result.body, expiredBefore: cutoff });
  }
  return Response.json(result.body, { status: result.status });
}
