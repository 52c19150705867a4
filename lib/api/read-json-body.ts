import { badRequest } from "@/lib/errors";
import { readLimitedBody } from "@/lib/ingest/read-limited-body";

/** JSON request bodies of the non-ingest endpoints are small; this bounds what a handler holds in memory. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** The raw body, read once and bounded, so a route can fingerprint it (Idempotency-Key) and then parse it. */
export const readJsonBodyBytes = (request: Request) => readLimitedBody(request, MAX_JSON_BODY_BYTES);

/** Parses JSON bytes; `invalid` decides what an unparsable or empty body becomes (a 400, or `{}` for zod to name the fields). */
export function parseJsonBytes(bytes: Uint8Array, invalid: "bad-request" | "empty-object"): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    if (invalid === "empty-object") return {};
    throw badRequest("The request body must be JSON");
  }
}
