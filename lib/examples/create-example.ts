import { type Database, getDb } from "@/db/client";
import { type ExampleWithSuite, insertExample } from "@/db/queries/examples";
import { findSessionRunStateForWorkspace } from "@/db/queries/pipeline-artifacts";
import type { Actor } from "@/lib/auth/principal";
import { assertPaidWorkAllowed } from "@/lib/billing/assert-paid-work-allowed";
import { admitWithinBudget } from "@/lib/budgets/admit-within-budget";
import { estimateExampleCostCents } from "@/lib/budgets/estimate-example-cost";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { actionToolMapId } from "@/lib/catalog/catalog-ids";
import { findSuite } from "@/lib/catalog/find-suite";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { transactionWithEvents } from "@/lib/events/emit-events";
import { noRecordsError } from "@/lib/review/reviewed-calls";
import { wouldHaveRecords } from "@/lib/review/would-have-records";
import { requireFound } from "@/lib/workspaces/require-found";
import type { CreateExampleInput } from "@/schemas/examples";
import { exampleOutputOptionsSchema } from "@/schemas/examples";
import { DEFAULT_MODEL_SLUG, resolveActionToolMap, resolveModel } from "./resolve-catalog-refs";

/**
 * Creates a pending example for one of the caller's sessions and queues its generation. Generation waits for
 * the session's pipeline when it is still running; a failed session cannot produce examples.
 */
export async function createExample(input: {
  /** `apiKeyId`: the key that asked, so its usage can be told apart (`GET /v1/usage?group_by=api_key`). */
  actor: Actor & { apiKeyId?: string };
  body: CreateExampleInput;
  /** Runs in the transaction that records the example, after it is admitted (AP2 authorises payment here). */
  onAdmitted?: (tx: Database, example: { id: string; estimatedCostCents: number }) => Promise<void>;
}): Promise<ExampleWithSuite & { estimatedCostCents: number }> {
  const db = await getDb();
  const session = requireFound(
    await findSessionRunStateForWorkspace(db, {
      workspaceId: input.actor.workspaceId,
      id: input.body.session_id,
    }),
    "Session",
  );
  if (session.status === "failed") {
    throw new AppError({
      code: "conflict",
      message: `Session ${session.id} failed to process${session.error ? `: ${session.error}` : ""}; upload it again`,
    });
  }
  const sessionSuites = (session.suiteIds ?? [session.suiteId]).map((id) => {
    const suite = findSuite(getBundledCatalog(), id);
    if (!suite) throw new Error(`session ${session.id} references suite ${id} missing from the catalog`);
    return suite;
  });
  // A session processed for several suites makes examples for any of them: the named map picks the suite.
  const reference = input.body.action_tool_map_id;
  const named = reference
    ? getBundledCatalog().action_tool_maps.find(
        (m) => m.slug === reference || actionToolMapId(m.slug) === reference,
      )
    : undefined;
  const suite = sessionSuites.find((s) => s.slug === named?.suite) ?? sessionSuites[0];
  if (!suite) throw new Error(`session ${session.id} has no suite`);
  const model = resolveModel(input.body.model_id);
  const map = resolveActionToolMap(reference, suite);
  if (model.slug !== DEFAULT_MODEL_SLUG && !getEnv().LLM_BASE_URL) {
    throw new AppError({
      code: "unprocessable",
      message: `Model '${model.slug}' writes instructions through an LLM gateway and none is configured; use '${DEFAULT_MODEL_SLUG}'`,
      extensions: {
        errors: [{ field: "model_id", code: "model_unavailable", message: "No LLM gateway configured" }],
      },
    });
  }
  await assertPaidWorkAllowed({ accountId: input.actor.workspaceId, modelSlug: model.slug });
  const options = exampleOutputOptionsSchema.safeParse(input.body.model_configuration);
  if (!options.success) {
    throw new AppError({
      code: "unprocessable",
      message: `Invalid model_configuration: ${options.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    });
  }
  // A processed session is checked now, so the caller hears of an empty example at once; one still processing is
  // checked when it is generated (the example then fails with the same explanation).
  if (
    session.status === "completed" &&
    (await wouldHaveRecords({
      workspaceId: input.actor.workspaceId,
      sessionId: session.id,
      suite: suite.slug,
      mapSlug: map.slug,
      // The session's zone as stated or as its run resolved it (the one generation maps calls in).
      ...(session.timezone ? { timezone: session.timezone } : {}),
    })) === false
  ) {
    throw await noRecordsError({ workspaceId: input.actor.workspaceId, sessionId: session.id });
  }
  const estimatedCostCents = estimateExampleCostCents({
    modelSlug: model.slug,
    actionCount: session.actionCount,
  });
  const row = await transactionWithEvents(db, async (tx, emit) => {
    // Under a hard-capped budget the estimate is held as in flight from here until the usage is recorded.
    if (estimatedCostCents > 0)
      await admitWithinBudget(tx, {
        workspaceId: input.actor.workspaceId,
        estimateCents: estimatedCostCents,
      });
    const inserted = await insertExample(tx, {
      workspaceId: input.actor.workspaceId,
      userId: input.actor.userId,
      sessionId: session.id,
      modelId: model.id,
      actionToolMapId: map.id,
      modelConfiguration: input.body.model_configuration,
      callbackUrl: input.body.callback_url ?? null,
      apiKeyId: input.actor.apiKeyId ?? null,
      estimatedCostCents: estimatedCostCents > 0 ? estimatedCostCents : null,
    });
    await input.onAdmitted?.(tx, { id: inserted.id, estimatedCostCents });
    // The event id is the example id: emitting it again (a retried request) starts no second run.
    emit({
      name: "example/requested",
      id: `example-requested-${inserted.id}`,
      data: { exampleId: inserted.id, workspaceId: input.actor.workspaceId, userId: input.actor.userId },
    });
    return inserted;
  });
  return { ...row, suiteId: suite.id, estimatedCostCents };
}
