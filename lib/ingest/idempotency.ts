import { AppError } from "@/lib/errors";
import { IDEMPOTENCY_TTL_HOURS } from "@/schemas/ingest";

export interface StoredResponse {
  status: number;
  body: unknown;
}

interface KeyArgs {
  workspaceId: string;
  scope: string;
  key: string;
}

/** A claimed key: `status` null while its first request still runs. */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number | null;
  body: unknown;
}

/** Where claims and first responses are kept; the database in the app, a Map in sandbox tests. */
export interface IdempotencyStore {
  /** Atomically claims the key (new, expired, or left unfinished before `staleBefore`); true when claimed. */
  claim(args: KeyArgs & { fingerprint: string; expiredBefore: Date; staleBefore: Date }): Promise<boolean>;
  find(args: KeyArgs): Promise<IdempotencyRecord | undefined>;
  save(args: KeyArgs & { fingerprint: string; status: number; body: unknown }): Promise<void>;
  release(args: KeyArgs & { fingerprint: string }): Promise<void>;
}

const TTL_MS = IDEMPOTENCY_TTL_HOURS * 60 * 60 * 1000;
/**
 * A claim whose request has not answered after this long belongs to a process that died (kill -9, a lost
 * instance): another request may take it over. The claim is taken after the body is read, so what it covers is
 * the database work of one request (seconds at most).
 */
export const IDEMPOTENCY_STALE_MS = 30_000;
/** How long a duplicate waits for the first request to answer before it gets 409 (and retries later). */
const WAIT_MS = 5_000;
const POLL_MS = 50;

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

/** sha256 over method, path and body (Web Crypto, so the ingest core stays edge-compatible). */
export async function requestFingerprint(request: Request, body: Uint8Array): Promise<string> {
  const head = new TextEncoder().encode(`${request.method.toUpperCase()} ${new URL(request.url).pathname}\n`);
  const bytes = new Uint8Array(head.byteLength + body.byteLength);
  bytes.set(head, 0);
  bytes.set(body, head.byteLength);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

const reused = () =>
  new AppError({
    code: "idempotency_key_reused",
    message:
      "This Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request",
  });

const inUse = () =>
  new AppError({
    code: "idempotency_key_in_use",
    message: "A request with this Idempotency-Key is still being processed; retry after it has answered",
    headers: { "retry-after": "1" },
  });

const replay = (record: IdempotencyRecord) =>
  Response.json(record.body, { status: record.status ?? 200, headers: { "idempotent-replayed": "true" } });

/**
 * Runs `handle` once per `Idempotency-Key` (per caller and scope) within 24 h and replays its first successful
 * response afterwards (Stripe's rules). The key is claimed before `handle` runs, with a fingerprint of the
 * request: the same key on a different request → 422 `idempotency_key_reused`; while the first request runs,
 * a duplicate waits for its answer, then gets 409 `idempotency_key_in_use`. Errors are not stored: the claim is
 * released, so a retry after a 409/413/5xx runs again. `body` is the request body the caller already read.
 */
export async function withIdempotency(
  args: {
    request: Request;
    body: Uint8Array;
    workspaceId: string;
    scope: string;
    store: IdempotencyStore;
    now?: () => number;
  },
  handle: () => Promise<StoredResponse>,
): Promise<Response> {
  const key = readIdempotencyKey(args.request);
  if (!key) {
    const result = await handle();
    return Response.json(result.body, { status: result.status });
  }
  const now = args.now ?? Date.now;
  const ids = { workspaceId: args.workspaceId, scope: args.scope, key };
  const fingerprint = await requestFingerprint(args.request, args.body);
  const waitUntil = now() + WAIT_MS;
  for (;;) {
    const claimed = await args.store.claim({
      ...ids,
      fingerprint,
      expiredBefore: new Date(now() - TTL_MS),
      staleBefore: new Date(now() - IDEMPOTENCY_STALE_MS),
    });
    if (claimed) break;
    const record = await args.store.find(ids);
    // Released between our claim and our look (its request failed): claim again.
    if (!record) continue;
    if (record.fingerprint !== "" && record.fingerprint !== fingerprint) throw reused();
    if (record.status !== null) return replay(record);
    if (now() >= waitUntil) throw inUse();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  let result: StoredResponse;
  try {
    result = await handle();
  } catch (error) {
    await args.store.release({ ...ids, fingerprint }).catch(() => undefined);
    throw error;
  }
  if (result.status >= 200 && result.status < 300) {
    await args.store.save({ ...ids, fingerprint, status: result.status, body: result.body });
  } else {
    await args.store.release({ ...ids, fingerprint });
  }
  return Response.json(result.body, { status: result.status });
}
