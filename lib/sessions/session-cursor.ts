import { badRequest } from "@/lib/errors";

/** Opaque keyset cursor: base64url of `<created_at µs since epoch>.<id>` of the last row of a page. */
export interface SessionCursor {
  createdAtMicros: string;
  id: string;
}

export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(`${cursor.createdAtMicros}.${cursor.id}`, "utf8").toString("base64url");
}

export function decodeSessionCursor(value: string): SessionCursor {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{1,20})\.([0-9a-f-]{36})$/.exec(text);
  if (!match?.[1] || !match[2])
    throw badRequest("The cursor is invalid; pass `next_cursor` from a previous page");
  return { createdAtMicros: match[1], id: match[2] };
}
