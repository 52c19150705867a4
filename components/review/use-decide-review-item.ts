"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ApiRequestError, fetchApi } from "@/lib/api/fetch-api";
import type { ReviewItemResource } from "@/schemas/review-items";
import type { Decision } from "./review-item-panel";

export const reviewItemQueryKey = (id: string) => ["review-item", id] as const;
export const fetchReviewItem = (id: string) => fetchApi<ReviewItemResource>(`/v1/review-items/${id}`);

/**
 * Accepting or rejecting a review item, for the queue and the item's own page: the decided item replaces the cached
 * one, lists read again, and the navigation's pending count (rendered by the server) is refreshed. A 409 (someone
 * decided it first) reads the lists again too, so the page shows who won.
 */
export function useDecideReviewItem({
  onDecided,
}: {
  onDecided?: (decided: ReviewItemResource) => void;
} = {}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) =>
      fetchApi<ReviewItemResource>(`/v1/review-items/${id}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(decision),
      }),
    onSuccess: (decided) => {
      setError(undefined);
      toast.success(decided.status === "accepted" ? "Accepted" : "Rejected");
      queryClient.setQueryData(reviewItemQueryKey(decided.id), decided);
      onDecided?.(decided);
      void queryClient.invalidateQueries({ queryKey: ["review-items"] });
      router.refresh();
    },
    onError: (failure, { id }) => {
      setError(
        failure instanceof ApiRequestError ? failure.message : "Could not reach Tracepipe; try again.",
      );
      if (failure instanceof ApiRequestError && failure.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ["review-items"] });
        void queryClient.invalidateQueries({ queryKey: reviewItemQueryKey(id) });
      }
    },
  });
  return {
    decide: mutation.mutate,
    isDeciding: mutation.isPending,
    error,
    clearError: () => setError(undefined),
  };
}
