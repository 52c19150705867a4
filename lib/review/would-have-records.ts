import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { generateExamples, RULES_MODEL } from "@/lib/pipeline/examples/generate-examples";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { collectJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { GoldAction } from "@/schemas/pipeline";
import { listReviewedCalls } from "./reviewed-calls";

/**
 * Whether an example of a processed session would have at least one record: the same selection the generation
 * makes (gold actions that map and validate, plus accepted review items), written with the offline template
 * model so that no LLM is called to find out. Undefined when the session has no gold layer to judge by: the
 * generation then decides (and fails with the same explanation when there is nothing).
 */
export async function wouldHaveRecords(input: {
  workspaceId: string;
  sessionId: string;
  suite: string;
  mapSlug: string;
  timezone?: string;
}): Promise<boolean | undefined> {
  const key = artifactKeys(input.sessionId).actions;
  if (!(await (await getObjectStore()).head(key))) return undefined;
  // As generation selects them: a multi-suite session's actions of this suite only.
  const actions = (await collectJsonlArtifact<GoldAction>(key)).filter(
    (action) => action.suite === undefined || action.suite === input.suite,
  );
  const reviewed = await listReviewedCalls({ ...input, asOf: new Date() });
  const generated = await generateExamples({
    actions,
    suite: input.suite,
    mapSlug: input.mapSlug,
    model: RULES_MODEL,
    catalog: getBundledCatalog(),
    format: "openai",
    reviewed,
    ...(input.timezone ? { timezone: input.timezone } : {}),
  });
  return generated.toolCalls.length > 0;
}
