"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchApi } from "@/lib/api/fetch-api";
import type { ReviewItemResource } from "@/schemas/review-items";
import { ReasonBadges } from "./review-evidence";

interface Page {
  data: ReviewItemResource[];
  next_cursor: string | null;
}

const statuses = ["pending", "accepted", "rejected"] as const;

/** A session's own review items by status, each with its proposed (or accepted) call; decided in the queue. */
export function SessionReviewItems({ sessionId }: { sessionId: string }) {
  const query = useQuery({
    queryKey: ["review-items", "session", sessionId],
    queryFn: async () => {
      const pages = await Promise.all(
        statuses.map((status) =>
          fetchApi<Page>(`/v1/review-items?session_id=${sessionId}&status=${status}&limit=100`),
        ),
      );
      return pages.flatMap((page) => page.data);
    },
  });
  const items = query.data ?? [];
  const pending = items.filter((i) => i.status === "pending").length;
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review items
        </h2>
        {pending > 0 ? (
          <Link className="text-sm font-medium text-link underline" href={`/review?session=${sessionId}`}>
            Review {pending} pending in the queue
          </Link>
        ) : null}
      </div>
      {query.isError ? (
        <p className="text-sm text-danger">Could not load the review items: {query.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {query.isPending ? "Loading…" : "The pipeline finished every action it found: nothing to review."}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{item.action}</span>
                <span className="font-mono text-xs text-muted-foreground">→ {item.tool.name}</span>
                <ReasonBadges reasons={item.reasons} />
                <span className="ml-auto text-xs text-muted-foreground">{item.status}</span>
              </div>
              <code className="break-all text-xs text-muted-foreground">
                {JSON.stringify(item.tool.arguments)}
              </code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
