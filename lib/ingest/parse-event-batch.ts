import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { ingestEventSchema, MAX_EVENTS_PER_REQUEST, type RejectedEvent } from "@/schemas/ingest";

export type IngestEvent = z.infer<typeof ingestEventSchema>;

export interface ParsedBatch {
  valid: IngestEvent[];
  rejected: RejectedEvent[];
  total: number;
}

const isNdjson = (contentType: string) =>
  /^(application\/(x-)?ndjson|application\/jsonl|application\/x-jsonlines)\b/i.test(contentType);

function idOf(item: unknown): string | null {
  if (item && typeof item === "object" && "id" in item) {
    const id = (item as { id: unknown }).id;
    if (typeof id === "string") return id;
    if (typeof id === "number") return String(id);
  }
  return null;
}

function splitItems(
  text: string,
  contentType: string,
): { items: unknown[]; unparsable: Map<number, string> } {
  const unparsable = new Map<number, string>();
  if (isNdjson(contentType)) {
    const items: unknown[] = [];
    const lines = text.split("\n");
    for (const line of lines) {
      if (line.trim() === "") continue;
      try {
        items.push(JSON.parse(line));
      } catch (error) {
        unparsable.set(items.length, (error as Error).message);
        items.push(undefined);
      }
    }
    return { items, unparsable };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError({
      code: "bad_request",
      message: `The body is not valid JSON: ${(error as Error).message}`,
    });
  }
  if (!Array.isArray(parsed)) {
    throw new AppError({
      code: "bad_request",
      message: "The body must be a JSON array of events (or NDJSON with Content-Type: application/x-ndjson)",
    });
  }
  return { items: parsed, unparsable };
}

/**
 * Parses a JSON array or NDJSON body and validates each item on its own, so one bad event rejects only
 * itself. Ids must be unique per session; the caller decides what a repeated id means (a duplicate).
 */
export function parseEventBatch(body: Uint8Array, contentType: string): ParsedBatch {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError({ code: "bad_request", message: "The body is not valid UTF-8" });
  }
  const { items, unparsable } = splitItems(text, contentType);
  if (items.length > MAX_EVENTS_PER_REQUEST) {
    throw new AppError({
      code: "payload_too_large",
      message: `A request may carry at most ${MAX_EVENTS_PER_REQUEST} events; this one has ${items.length}`,
      extensions: { limit_events: MAX_EVENTS_PER_REQUEST },
    });
  }
  const valid: IngestEvent[] = [];
  const rejected: RejectedEvent[] = [];
  items.forEach((item, index) => {
    const jsonError = unparsable.get(index);
    if (jsonError !== undefined) {
      rejected.push({ index, id: null, code: "invalid_json", field: "(root)", message: jsonError });
      return;
    }
    const result = ingestEventSchema.safeParse(item);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join(".") || "(root)";
    const missingId = field === "id" && idOf(item) === null;
    rejected.push({
      index,
      id: idOf(item),
      code: missingId ? "missing_id" : (issue?.code ?? "invalid"),
      field,
      message: missingId
        ? "Every streamed event needs a client-chosen `id`"
        : (issue?.message ?? "Invalid event"),
    });
  });
  return { valid, rejected, total: items.length };
}
