"use client";

import { useQuery } from "@tanstack/react-query";
import type { CatalogTool } from "@/schemas/catalog";
import type { ReviewItemResource } from "@/schemas/review-items";
import { ReviewItemPanel } from "./review-item-panel";
import { fetchReviewItem, reviewItemQueryKey, useDecideReviewItem } from "./use-decide-review-item";

/** A review item on its own page: the queue's panel, decided in place (the page stays on the item). */
export function ReviewItemDetail({
  initialItem,
  tool,
  canDecide,
}: {
  initialItem: ReviewItemResource;
  tool: CatalogTool | undefined;
  canDecide: boolean;
}) {
  const { data: item = initialItem } = useQuery({
    queryKey: reviewItemQueryKey(initialItem.id),
    queryFn: () => fetchReviewItem(initialItem.id),
    initialData: initialItem,
    staleTime: 30_000,
  });
  const decision = useDecideReviewItem();
  return (
    <ReviewItemPanel
      // A decision re-mounts the panel, so its form shows the decided arguments.
      key={`${item.id}:${item.status}`}
      item={item}
      tool={tool}
      isDeciding={decision.isDeciding}
      canDecide={canDecide}
      error={decision.error}
      onDecide={(choice) => decision.decide({ id: item.id, decision: choice })}
    />
  );
}
