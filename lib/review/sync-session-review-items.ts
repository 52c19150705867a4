import { getDb } from "@/db/client";
import { syncReviewItemsForSession } from "@/db/queries/review-items";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId, suiteId } from "@/lib/catalog/catalog-ids";
import { resolveActionToolMap } from "@/lib/pipeline/examples/generate-examples";
import { buildReviewProposals } from "@/lib/pipeline/review/review-proposals";
import { collectJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import type { GoldAction } from "@/schemas/pipeline";

/**
 * The end of a session run: every needs-review gold action becomes a pending review item, proposed as a call of
 * the suite's action-tool map. Idempotent (see syncReviewItemsForSession), so a re-driven step changes nothing.
 */
export async function syncSessionReviewItems(input: {
  sessionId: string;
  userId: string;
  suite: string;
  actionsKey: string;
  timezone?: string;
}): Promise<{ reviewItems: number }> {
  const catalog = getBundledCatalog();
  // Review items are proposed for the suite's only map; a suite with several would need the reviewer to choose.
  const { map, server } = resolveActionToolMap(catalog, input.suite);
  const actions = await collectJsonlArtifact<GoldAction>(input.actionsKey);
  const proposals = buildReviewProposals({ actions, map, server, timezone: input.timezone });
  const { pending } = await syncReviewItemsForSession(await getDb(), {
    userId: input.userId,
    sessionId: input.sessionId,
    suiteId: suiteId(input.suite),
    items: proposals.map((p) => ({ ...p, actionToolMapId: actionToolMapId(map.slug) })),
  });
  return { reviewItems: pending };
}
