import { getDb } from "@/db/client";
import { syncReviewItemsForSession } from "@/db/queries/review-items";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId, suiteId } from "@/lib/catalog/catalog-ids";
import { resolveActionToolMap } from "@/lib/pipeline/examples/generate-examples";
import { buildReviewProposals } from "@/lib/pipeline/review/review-proposals";
import { collectJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import type { GoldAction, Interaction } from "@/schemas/pipeline";

/**
 * The end of a session run: every needs-review gold action becomes a pending review item, proposed as a call of
 * the suite's action-tool map. Idempotent (see syncReviewItemsForSession), so a re-driven step changes nothing.
 */
export async function syncSessionReviewItems(input: {
  sessionId: string;
  userId: string;
  suite: string;
  actionsKey: string;
  silverKey: string;
  timezone?: string;
}): Promise<{ reviewItems: number }> {
  const catalog = getBundledCatalog();
  // Review items are proposed for the suite's only map; a suite with several would need the reviewer to choose.
  const { map, server } = resolveActionToolMap(catalog, input.suite);
  const actions = await collectJsonlArtifact<GoldAction>(input.actionsKey);
  // The interactions are only read when there is something to review: most sessions have nothing.
  const interactions = actions.some((a) => a.needsReview)
    ? await collectJsonlArtifact<Interaction>(input.silverKey)
    : [];
  interactions.sort((a, b) => a.ts - b.ts);
  const proposals = buildReviewProposals({ actions, interactions, map, server, timezone: input.timezone });
  const { pending } = await syncReviewItemsForSession(await getDb(), {
    userId: input.userId,
    sessionId: input.sessionId,
    suiteId: suiteId(input.suite),
    items: proposals.map((p) => ({ ...p, actionToolMapId: actionToolMapId(map.slug) })),
  });
  return { reviewItems: pending };
}
