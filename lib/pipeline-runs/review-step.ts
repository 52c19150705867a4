import { getDb } from "@/db/client";
import { syncReviewItemsForSession } from "@/db/queries/review-items";
import { actionToolMapId, suiteId } from "@/lib/catalog/catalog-ids";
import { reviewStage } from "@/lib/pipeline/stages/review";
import type { GoldAction, Interaction } from "@/schemas/pipeline";
import { artifactKeys } from "./artifact-keys";
import { collectJsonlArtifact, readJsonlArtifact } from "./jsonl-artifacts";
import type { PipelineDeps } from "./pipeline-deps";

/**
 * The review-items step: `artifacts/gold-actions.jsonl` (and `artifacts/silver.jsonl` when an action needs review)
 * → review stage → one pending review item per proposal. Idempotent (see syncReviewItemsForSession), so a
 * re-driven step changes nothing.
 */
export async function runReviewStep(
  sessionId: string,
  input: { workspaceId: string; userId: string; suite: string; timezone?: string },
  deps: Pick<PipelineDeps, "catalog">,
): Promise<{ reviewItems: number; ms: number }> {
  const started = performance.now();
  const keys = artifactKeys(sessionId);
  const { map, proposals } = await reviewStage(
    {
      // A multi-suite session's actions carry their suite; review proposes calls of this suite's map only.
      actions: (await collectJsonlArtifact<GoldAction>(keys.actions)).filter(
        (action) => action.suite === undefined || action.suite === input.suite,
      ),
      interactions: async () => readJsonlArtifact<Interaction>(keys.silver),
    },
    { catalog: deps.catalog, suite: input.suite, ...(input.timezone ? { timezone: input.timezone } : {}) },
  );
  const { pending } = await syncReviewItemsForSession(await getDb(), {
    workspaceId: input.workspaceId,
    userId: input.userId,
    sessionId,
    suiteId: suiteId(input.suite),
    items: proposals.map((p) => ({ ...p, actionToolMapId: actionToolMapId(map.slug) })),
  });
  return { reviewItems: pending, ms: Math.round(performance.now() - started) };
}
