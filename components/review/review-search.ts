import { firstValue, type RawSearch, toQueryString } from "@/components/list-url/search-params";
import { type ReviewListSearch, reviewListSearchSchema } from "@/schemas/review-items";

export type ReviewSearch = Omit<ReviewListSearch, "status" | "cursor" | "prev"> & {
  status: NonNullable<ReviewListSearch["status"]>;
};

const PAGE_SIZE = 50;

/** The review page's view from its URL; each malformed parameter is dropped on its own (see the schema). */
export function parseReviewSearch(raw: RawSearch): ReviewSearch {
  const parsed = reviewListSearchSchema.parse({
    session: firstValue(raw, "session"),
    suite: firstValue(raw, "suite"),
    action: firstValue(raw, "action"),
    reason: firstValue(raw, "reason"),
    status: firstValue(raw, "status"),
  });
  return {
    session: parsed.session,
    suite: parsed.suite,
    action: parsed.action,
    reason: parsed.reason,
    status: parsed.status ?? "pending",
  };
}

/** The canonical query string of a view: fixed order, `pending` (the default) left out. */
export const toReviewQueryString = (search: ReviewSearch) =>
  toQueryString({
    session: search.session,
    suite: search.suite,
    action: search.action,
    reason: search.reason,
    status: search.status === "pending" ? undefined : search.status,
  });

/** The `GET /v1/review-items` query of a view. */
export const toReviewApiQuery = (search: ReviewSearch) =>
  toQueryString({
    status: search.status,
    session_id: search.session,
    suite_id: search.suite,
    action: search.action,
    reason: search.reason,
    limit: PAGE_SIZE,
  });
