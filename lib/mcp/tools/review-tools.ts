import { decideReviewItem } from "@/lib/review/decide-review-item";
import { listReviewItems } from "@/lib/review/list-review-items";
import { toReviewItemResource } from "@/lib/review/review-item-resource";
import { defineTool } from "../define-tool";

export const reviewTools = [
  defineTool({
    name: "list_review_items",
    title: "List review items",
    description:
      "Actions the pipeline could not finish on its own (low confidence, a missing required argument, trace only, unknown time zone), oldest first, with the proposed tool call and the page evidence. Pages with `cursor`.",
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    run: async (ctx, input) => listReviewItems({ workspaceId: ctx.workspaceId, query: input }),
  }),
  defineTool({
    name: "decide_review_item",
    title: "Decide a review item",
    description:
      "Accepts a pending item (with corrected `arguments`, checked against the tool's JSON Schema, or the proposal) so it becomes a record of examples requested afterwards, or rejects it. A decision is final: deciding again is an error.",
    // Final, and a second call fails instead of repeating the effect; a reject keeps the action out of examples.
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    run: async (ctx, input) => {
      const { review_item_id: id, ...body } = input;
      return toReviewItemResource(await decideReviewItem({ actor: ctx.principal, id, body, meta: ctx.meta }));
    },
  }),
];
