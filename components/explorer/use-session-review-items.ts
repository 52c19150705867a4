"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchApi } from "@/lib/api/fetch-api";
import type { ReviewItemResource } from "@/schemas/review-items";

interface Page {
  data: ReviewItemResource[];
  next_cursor: string | null;
}

const statuses = ["pending", "accepted", "rejected"] as const;

/** A session's review items by gold action id, so the inspector can say an action's review state. */
export function useSessionReviewItems(sessionId: string | undefined) {
  const query = useQuery({
    queryKey: ["review-items", "explorer", sessionId],
    enabled: Boolean(sessionId),
    staleTime: 30_000,
    queryFn: async () => {
      const pages = await Promise.all(
        statuses.map((status) =>
          fetchApi<Page>(`/v1/review-items?session_id=${sessionId}&status=${status}&limit=100`),
        ),
      );
      return pages.flatMap((page) => page.data);
    },
  });
  return useMemo(() => new Map((query.data ?? []).map((item) => [item.action_id, item])), [query.data]);
}

/** Where a review item is decided: its own page (the queue links back to the session's items). */
export function reviewItemHref(item: ReviewItemResource): string {
  return `/review/${item.id}`;
}
