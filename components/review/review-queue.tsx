"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { ListEmptyState } from "@/components/list-url/list-empty-state";
import { pushSearch, useLocationSearch } from "@/components/list-url/push-search";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { fetchApi } from "@/lib/api/fetch-api";
import type { CatalogTool } from "@/schemas/catalog";
import { reviewReasonSchema } from "@/schemas/pipeline";
import type { ReviewItemResource } from "@/schemas/review-items";
import { ReasonBadges, reasonLabel } from "./review-evidence";
import { ReviewItemPanel, type ReviewItemPanelHandle } from "./review-item-panel";
import { parseReviewSearch, type ReviewSearch, toReviewApiQuery, toReviewQueryString } from "./review-search";
import { fetchReviewItem, reviewItemQueryKey, useDecideReviewItem } from "./use-decide-review-item";
import { REVIEW_KEYS, useReviewKeyboard } from "./use-review-keyboard";

export interface ReviewPage {
  data: ReviewItemResource[];
  next_cursor: string | null;
}

export interface SuiteFilterOption {
  slug: string;
  name: string;
  actions: { slug: string; name: string }[];
}

const control = "h-9 rounded-md border border-input bg-card px-2 text-sm";

/**
 * The review queue: filters in the URL (like the sessions list), the items on the left, the current one on the
 * right. Keyboard first (a/e/r/j/k/?); the next item's data is prefetched, so moving on is instant.
 */
export function ReviewQueue({
  initialPage,
  initialQuery,
  suites,
  tools,
  canDecide = true,
}: {
  /** A viewer sees the queue but no Accept/Reject (the API refuses them too). */
  canDecide?: boolean;
  initialPage: ReviewPage;
  initialQuery: string;
  suites: SuiteFilterOption[];
  /** Catalog tools by `server/name`: the forms are generated from their JSON Schemas. */
  tools: Record<string, CatalogTool>;
}) {
  const queryClient = useQueryClient();
  const searchParams = useLocationSearch("/review", initialQuery);
  const search = useMemo(() => parseReviewSearch(searchParams), [searchParams]);
  const apiQuery = toReviewApiQuery(search);
  const navigate = (next: ReviewSearch) => pushSearch(toReviewQueryString(next));

  const list = useInfiniteQuery({
    queryKey: ["review-items", apiQuery],
    queryFn: ({ pageParam }) =>
      fetchApi<ReviewPage>(`/v1/review-items?${apiQuery}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    initialData:
      apiQuery === toReviewApiQuery(parseReviewSearch(new URLSearchParams(initialQuery)))
        ? { pages: [initialPage], pageParams: [""] }
        : undefined,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);

  const [currentId, setCurrentId] = useState<string | undefined>(items[0]?.id);
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === currentId),
  );
  const listed = items[index];
  useEffect(() => {
    if (listed && listed.id !== currentId) setCurrentId(listed.id);
  }, [listed, currentId]);

  const detail = useQuery({
    queryKey: reviewItemQueryKey(listed?.id ?? "none"),
    queryFn: () => fetchReviewItem(listed?.id ?? ""),
    enabled: Boolean(listed),
    initialData: listed,
    staleTime: 30_000,
  });
  const item = detail.data ?? listed;

  // Preload the next item (and the one before) so j/k and a decision move on without waiting.
  const next = items[index + 1];
  const previous = items[index - 1];
  useEffect(() => {
    for (const neighbour of [next, previous]) {
      if (neighbour)
        void queryClient.prefetchQuery({
          queryKey: reviewItemQueryKey(neighbour.id),
          queryFn: () => fetchReviewItem(neighbour.id),
          staleTime: 30_000,
        });
    }
  }, [next, previous, queryClient]);

  const decision = useDecideReviewItem({
    // Decided items leave the pending list: move on to the next one.
    onDecided: () => {
      if (search.status === "pending") setCurrentId(next?.id ?? previous?.id);
    },
  });

  const panel = useRef<ReviewItemPanelHandle>(null);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const move = (to: ReviewItemResource | undefined) => {
    if (!to) return;
    decision.clearError();
    setCurrentId(to.id);
  };
  useReviewKeyboard(
    {
      accept: () => panel.current?.accept(),
      edit: () => panel.current?.edit(),
      reject: () => panel.current?.startReject(),
      next: () => move(next),
      previous: () => move(previous),
      help: () => setIsHelpOpen(true),
    },
    true,
  );
  useEffect(() => {
    if (!next && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [next, list]);

  const suite = suites.find((s) => s.slug === search.suite);
  const actionOptions = suite ? suite.actions : suites.flatMap((s) => s.actions);
  const tool = item ? tools[`${item.tool.server}/${item.tool.name}`] : undefined;

  return (
    <div className="flex flex-col gap-4">
      <search className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium">
          Status
          <select
            className={control}
            value={search.status}
            onChange={(e) => navigate({ ...search, status: e.target.value as ReviewSearch["status"] })}
          >
            <option value="pending">Pending</option>
            <option value="accepted">Accepted</option>
            <option value="rejected">Rejected</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Suite
          <select
            className={control}
            value={search.suite ?? ""}
            onChange={(e) => navigate({ ...search, suite: e.target.value || undefined, action: undefined })}
          >
            <option value="">All suites</option>
            {suites.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Action
          <select
            className={control}
            value={search.action ?? ""}
            onChange={(e) => navigate({ ...search, action: e.target.value || undefined })}
          >
            <option value="">All actions</option>
            {actionOptions.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Reason
          <select
            className={control}
            value={search.reason ?? ""}
            onChange={(e) =>
              navigate({ ...search, reason: (e.target.value || undefined) as ReviewSearch["reason"] })
            }
          >
            <option value="">All reasons</option>
            {reviewReasonSchema.options.map((r) => (
              <option key={r} value={r}>
                {reasonLabel(r)}
              </option>
            ))}
          </select>
        </label>
        {search.session ? (
          <button
            type="button"
            className="h-9 text-sm text-link underline"
            onClick={() => navigate({ ...search, session: undefined })}
          >
            Only session {search.session.slice(0, 8)} ✕
          </button>
        ) : null}
        <button
          type="button"
          className="ml-auto h-9 text-sm text-muted-foreground underline"
          onClick={() => setIsHelpOpen(true)}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </search>

      {items.length === 0 ? (
        <ListEmptyState>
          {list.isFetching
            ? "Loading…"
            : search.status === "pending"
              ? "Nothing to review. Actions the pipeline cannot finish appear here."
              : `No ${search.status} items.`}
        </ListEmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[16rem_1fr]">
          <nav aria-label="Review items">
            <ol className="flex flex-col gap-1">
              {items.map((i, n) => (
                <li key={i.id}>
                  <button
                    type="button"
                    aria-current={n === index ? "true" : undefined}
                    onClick={() => move(i)}
                    className={cn(
                      "flex w-full flex-col gap-1 rounded-md border px-3 py-2 text-left text-sm",
                      n === index ? "border-brand-500 bg-brand-50 dark:bg-zinc-800" : "hover:bg-accent",
                    )}
                  >
                    <span className="font-medium">{i.action}</span>
                    <ReasonBadges reasons={i.reasons} />
                  </button>
                </li>
              ))}
            </ol>
            {list.hasNextPage ? (
              <button type="button" className="mt-2 text-sm underline" onClick={() => list.fetchNextPage()}>
                Load more
              </button>
            ) : null}
            <p className="mt-2 text-xs text-muted-foreground" aria-live="polite">
              {index + 1} of {items.length}
              {list.hasNextPage ? "+" : ""}
            </p>
          </nav>
          {item ? (
            <ReviewItemPanel
              key={item.id}
              ref={panel}
              item={item}
              tool={tool}
              isDeciding={decision.isDeciding}
              canDecide={canDecide}
              error={decision.error}
              onDecide={(choice) => decision.decide({ id: item.id, decision: choice })}
            />
          ) : null}
        </div>
      )}

      <Dialog open={isHelpOpen} onOpenChange={setIsHelpOpen}>
        <DialogContent>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>The review queue is made to be worked with the keyboard.</DialogDescription>
          <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
            {REVIEW_KEYS.map((k) => (
              <div key={k.key} className="contents">
                <dt>
                  <kbd className="rounded border px-1.5 py-0.5 font-mono text-xs">{k.key}</kbd>
                </dt>
                <dd>{k.does}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
    </div>
  );
}
