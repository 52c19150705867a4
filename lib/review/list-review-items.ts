import { getDb } from "@/db/client";
import { listReviewItemsForWorkspace } from "@/db/queries/review-items";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { badRequest } from "@/lib/errors";
import type { ListReviewItemsQuery } from "@/schemas/review-items";
import { toReviewItemResource } from "./review-item-resource";

const NO_MATCH = "00000000-0000-0000-0000-000000000000";

// Opaque keyset cursor: base64url of "r.<seq>" of the last item of the previous page.
const encodeCursor = (seq: number) => Buffer.from(`r.${seq}`).toString("base64url");

function decodeCursor(cursor: string): number {
  const match = /^r\.(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw badRequest("The cursor is invalid; pass `next_cursor` from a previous page");
  return Number(match[1]);
}

/** One page of the caller's review items, oldest first. An unknown suite matches nothing. */
export async function listReviewItems(input: { workspaceId: string; query: ListReviewItemsQuery }) {
  const { query } = input;
  const rows = await listReviewItemsForWorkspace(await getDb(), {
    workspaceId: input.workspaceId,
    status: query.status,
    sessionId: query.session_id,
    suiteId: query.suite_id ? (findSuite(getBundledCatalog(), query.suite_id)?.id ?? NO_MATCH) : undefined,
    action: query.action,
    reason: query.reason,
    afterSeq: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toReviewItemResource),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null,
  };
}
