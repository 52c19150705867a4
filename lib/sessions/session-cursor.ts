import { badRequest } from "@/lib/errors";
import type { SessionListOrder } from "@/schemas/sessions";

/**
 * Opaque keyset cursor: base64url of `<order>.<created_at µs since epoch>.<id>` of the last row of a page. The
 * order is part of it because the same position means "before" newest first and "after" oldest first: reused
 * with the other order it would silently skip or repeat sessions.
 */
export interface SessionCursor {
  order: SessionListOrder;
  createdAtMicros: string;
  id: string;
}

const invalid = () => badRequest("The cursor is invalid; pass `next_cursor` from a previous page");

export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(`${cursor.order}.${cursor.createdAtMicros}.${cursor.id}`, "utf8").toString("base64url");
}

/** Decodes a cursor made for `order`; one made for the other order is a 400 that says so. */
export function decodeSessionCursor(value: string, order: SessionListOrder): SessionCursor {
  const text = Buffer.from(value, "base64url").toString("utf8");
  // Cursors from before `order` existed have no prefix and were all made newest first.
  const match = /^(?:(newest|oldest)\.)?(\d{1,20})\.([0-9a-f-]{36})$/.exec(text);
  if (!match?.[2] || !match[3]) throw invalid();
  const made = (match[1] ?? "newest") as SessionListOrder;
  if (made !== order) {
    throw badRequest(
      `The cursor was made for order=${made} and cannot page order=${order}; pass order=${made} with it, or drop the cursor to start from the first page`,
      { field: "cursor" },
    );
  }
  return { order, createdAtMicros: match[2], id: match[3] };
}
