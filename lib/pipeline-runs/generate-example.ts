import { NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import { findAp2PaymentForExample } from "@/db/queries/ap2-payments";
import {
  findExampleById,
  markExampleCompleted,
  markExampleFailed,
  markExampleProcessing,
} from "@/db/queries/examples";
import { findSessionRunState } from "@/db/queries/pipeline-artifacts";
import type { Actor } from "@/lib/auth/principal";
import { modelId as catalogModelId } from "@/lib/catalog/catalog-ids";
import { findSuite } from "@/lib/catalog/find-suite";
import { findActionToolMapById, findModelById } from "@/lib/examples/resolve-catalog-refs";
import {
  ExampleConfigurationError,
  generateExamples,
  RULES_MODEL,
} from "@/lib/pipeline/examples/generate-examples";
import { listReviewedCalls, noRecordsError } from "@/lib/review/reviewed-calls";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { recordUsage } from "@/lib/usage/record-usage";
import { exampleOutputOptionsSchema } from "@/schemas/examples";
import type { GoldAction } from "@/schemas/pipeline";
import { artifactKeys, exampleMessagesKey } from "./artifact-keys";
import { collectJsonlArtifact, writeJsonlArtifact } from "./jsonl-artifacts";
import { type LlmUsage, type PipelineDeps, usageOf } from "./pipeline-deps";
import type { StepRunner } from "./step-runner";

/** How long an example waits for its session's pipeline: 60 checks, 10 s apart. */
export const SESSION_WAIT = { checks: 60, interval: "10s" } as const;

type SessionGate =
  | { state: "ready" }
  | { state: "waiting"; status: string }
  | { state: "failed"; error: string };

async function checkSession(exampleId: string): Promise<SessionGate> {
  const db = await getDb();
  const example = await findExampleById(db, exampleId);
  if (!example) throw new NonRetriableError(`Example ${exampleId} does not exist`);
  const session = await findSessionRunState(db, example.sessionId);
  if (!session) return { state: "failed", error: "Its session was deleted" };
  if (session.status === "completed") return { state: "ready" };
  if (session.status === "failed") {
    return {
      state: "failed",
      error: `Its session failed to process${session.error ? `: ${session.error}` : ""}`,
    };
  }
  return { state: "waiting", status: session.status };
}

interface GenerateResult {
  key: string;
  records: number;
  bytes: number;
  rejected: number;
  usage: LlmUsage[];
}

async function generateMessages(exampleId: string, deps: PipelineDeps): Promise<GenerateResult> {
  const db = await getDb();
  const example = await findExampleById(db, exampleId);
  if (!example) throw new NonRetriableError(`Example ${exampleId} does not exist`);
  const session = await findSessionRunState(db, example.sessionId);
  const map = findActionToolMapById(example.actionToolMapId);
  const suite = map && findSuite(deps.catalog, map.suite);
  const model = findModelById(example.modelId);
  if (!suite || !map || !model)
    throw new NonRetriableError("The example references catalog entries that no longer exist");
  const options = exampleOutputOptionsSchema.parse(example.modelConfiguration);
  // A multi-suite session's actions carry their suite; an example is made of its map's suite's actions only.
  const actions = (await collectJsonlArtifact<GoldAction>(artifactKeys(example.sessionId).actions)).filter(
    (action) => action.suite === undefined || action.suite === map.suite,
  );
  // Decisions made after the example was requested belong to later examples: a retry gives the same records.
  const reviewed = await listReviewedCalls({
    workspaceId: example.workspaceId,
    sessionId: example.sessionId,
    asOf: example.createdAt,
  });
  const llm = model.slug === RULES_MODEL ? undefined : deps.llm(model.slug);
  // The session's zone: stated, or as its run resolved it; none leaves datetime actions to review.
  const timezone = session?.timezone ?? undefined;
  const generated = await generateExamples({
    actions,
    suite: suite.slug,
    mapSlug: map.slug,
    model: model.slug,
    modelConfiguration: example.modelConfiguration,
    catalog: deps.catalog,
    format: options.format,
    multiStep: options.multi_step,
    reviewed,
    ...(llm ? { llm } : {}),
    ...(timezone ? { timezone } : {}),
  }).catch((error: unknown) => {
    // A configuration the customer chose (e.g. an LLM model with no gateway) will not fix itself on retry.
    if (error instanceof ExampleConfigurationError)
      throw new NonRetriableError(error.message, { cause: error });
    throw error;
  });
  // An empty file is never a result: the example fails saying which actions wait for a person.
  if (generated.records.length === 0) {
    const problem = await noRecordsError({ workspaceId: example.workspaceId, sessionId: example.sessionId });
    throw new NonRetriableError(problem.message);
  }
  // A fixed key per example: a retried step overwrites the same object, so there is never a second copy.
  const written = await writeJsonlArtifact(exampleMessagesKey(exampleId), generated.records);
  return {
    key: written.key,
    records: written.count,
    bytes: written.bytes,
    rejected: generated.rejected.length,
    usage: usageOf({ model: model.slug, ...generated.usage }),
  };
}

/**
 * The durable generation of one example: wait for the session's gold layer, generate, store the JSONL, record
 * usage once (idempotency keys), complete. Returns the final status for the callback step.
 */
export async function generateExample(exampleId: string, actor: Actor, step: StepRunner, deps: PipelineDeps) {
  const start = await step.run("start", async () => {
    const db = await getDb();
    if (await markExampleProcessing(db, exampleId)) return { alreadyFinished: false };
    const example = await findExampleById(db, exampleId);
    if (!example) throw new NonRetriableError(`Example ${exampleId} does not exist`);
    // A re-driven run of a finished example changes nothing.
    return { alreadyFinished: true };
  });
  if (start.alreadyFinished) return { exampleId, skipped: true };
  for (let check = 0; ; check += 1) {
    const gate = await step.run(`session-check-${check}`, () => checkSession(exampleId));
    if (gate.state === "ready") break;
    if (gate.state === "failed") throw new NonRetriableError(gate.error);
    if (check + 1 >= SESSION_WAIT.checks) {
      throw new NonRetriableError(
        `Its session was still ${gate.status} after waiting; request the example again later`,
      );
    }
    await step.sleep(`wait-for-session-${check}`, SESSION_WAIT.interval);
  }
  const result = await step.run("generate", () => generateMessages(exampleId, deps));
  await step.run("record-usage", async () => {
    const db = await getDb();
    const example = await findExampleById(db, exampleId);
    const subject = `example:${exampleId}`;
    const ap2 = await findAp2PaymentForExample(db, { workspaceId: actor.workspaceId, exampleId });
    return recordUsage({
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      apiKeyId: example?.apiKeyId ?? null,
      prepaid: ap2 !== undefined,
      subject,
      items: [
        { kind: "examples_generated", quantity: result.records, modelId: example?.modelId },
        ...result.usage.flatMap((u) => [
          { kind: "input_tokens" as const, quantity: u.inputTokens, modelId: catalogModelId(u.model) },
          { kind: "output_tokens" as const, quantity: u.outputTokens, modelId: catalogModelId(u.model) },
        ]),
      ],
    });
  });
  const completed = await step.run("complete", async () => {
    const row = await markExampleCompleted(await getDb(), exampleId, {
      storagePath: result.key,
      recordCount: result.records,
      sizeBytes: result.bytes,
    });
    // Deleted while it was being generated: what this run wrote must not outlive the row.
    if (!row) await (await getObjectStore()).deletePrefix(`examples/${exampleId}/`);
    return { status: row ? "completed" : "deleted" };
  });
  if (completed.status === "deleted") throw new NonRetriableError(`Example ${exampleId} was deleted`);
  return {
    exampleId,
    skipped: false,
    records: result.records,
    bytes: result.bytes,
    rejected: result.rejected,
  };
}

export async function failExampleRun(exampleId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await markExampleFailed(await getDb(), exampleId, message.slice(0, 2000));
}
