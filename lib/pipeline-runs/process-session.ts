import { NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import {
  findSessionRunState,
  markSessionCompleted,
  markSessionFailed,
  markSessionProcessing,
} from "@/db/queries/pipeline-artifacts";
import { modelId } from "@/lib/catalog/catalog-ids";
import { findSuite } from "@/lib/catalog/find-suite";
import { deleteRawRecordings } from "@/lib/data-policy/enforce-retention";
import { getDataPolicy } from "@/lib/data-policy/get-data-policy";
import { buildTimelineIndex } from "@/lib/explorer/build-timeline-index";
import { childLogger } from "@/lib/logger";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { recordUsage } from "@/lib/usage/record-usage";
import type { Catalog } from "@/schemas/catalog";
import type { RedactionLevel } from "@/schemas/data-policy";
import { type BronzeResult, runBronzeStep } from "./bronze-step";
import { type GoldResult, runGoldStep } from "./gold-step";
import type { PipelineDeps } from "./pipeline-deps";
import { runReviewStep } from "./review-step";
import { runSilverStep, type SilverResult } from "./silver-step";
import type { StepRunner } from "./step-runner";

const log = childLogger("process-session");

async function startSessionRun(
  sessionId: string,
  catalog: Catalog,
): Promise<{
  suites: string[];
  workspaceId: string;
  userId: string;
  statedTimezone?: string;
  redaction: RedactionLevel;
  rawRetentionDays: number | null;
}> {
  const db = await getDb();
  const session = await findSessionRunState(db, sessionId);
  if (!session) throw new NonRetriableError(`Session ${sessionId} does not exist`);
  if (session.status === "open")
    throw new NonRetriableError(`Session ${sessionId} is still open for streaming`);
  const suites = (session.suiteIds ?? [session.suiteId]).map((id) => {
    const suite = findSuite(catalog, id);
    if (!suite) throw new NonRetriableError(`Session ${sessionId} has an unknown suite ${id}`);
    return suite.slug;
  });
  await markSessionProcessing(db, sessionId);
  // Read once per run (a step's output is memoized): every retry of bronze redacts at the same level.
  const policy = await getDataPolicy(session.workspaceId, db);
  return {
    suites,
    workspaceId: session.workspaceId,
    userId: session.userId,
    redaction: policy.redaction,
    rawRetentionDays: policy.retention.raw_days,
    ...(session.timezoneSource === "stated" && session.timezone ? { statedTimezone: session.timezone } : {}),
  };
}

/**
 * Deleting a session cancels its run at the next step boundary. A step already running when the session was
 * deleted may write artifacts after the deletion removed the session's objects, so each step checks again when
 * it is done and removes what it wrote: nothing of a deleted session is left in storage.
 */
async function unlessDeleted<T>(sessionId: string, stage: () => Promise<T>): Promise<T> {
  const isGone = async () => !(await findSessionRunState(await getDb(), sessionId));
  const cancel = async () => {
    await (await getObjectStore()).deletePrefix(`sessions/${sessionId}/`);
    log.info({ sessionId }, "session deleted during its run; run cancelled");
    return new NonRetriableError(`Session ${sessionId} was deleted; its run is cancelled`);
  };
  if (await isGone()) throw await cancel();
  let result: T;
  try {
    result = await stage();
  } catch (error) {
    // Deleted mid-step, the step fails on its vanished input: that is the cancellation, not a retriable error.
    if (await isGone()) throw await cancel();
    throw error;
  }
  if (await isGone()) throw await cancel();
  return result;
}

/** The per-run metrics JSON stored in sessions.metrics and returned with the session. */
export function buildRunMetrics(bronze: BronzeResult, silver: SilverResult, gold: GoldResult) {
  return {
    events: { bronze: bronze.events, silver: silver.interactions, gold: gold.actions },
    importIssues: bronze.issues,
    bronze: { ...bronze.details, redaction: bronze.redaction },
    formats: bronze.formats,
    timezone: gold.timezone.timezone ?? null,
    timezoneSource: gold.timezone.source,
    ...(gold.timezone.evidence ? { timezoneEvidence: gold.timezone.evidence } : {}),
    detectedSuites: gold.detectedSuites,
    suiteNotice: gold.suiteNotice ?? null,
    interactions: silver.interactions,
    windows: gold.windows,
    actions: gold.actions,
    mergeRatios: silver.mergeRatios,
    confidence: gold.confidence,
    stagesMs: { bronze: bronze.ms, silver: silver.ms, gold: gold.ms },
    llm: gold.usage,
    artifacts: {
      bronze: bronze.key,
      importIssues: bronze.issuesKey,
      silver: silver.key,
      windows: gold.windowsKey,
      actions: gold.actionsKey,
    },
  };
}

/**
 * The durable processing of one uploaded session: bronze → silver → gold → review-items → finalize, each a named
 * step that reads the previous stage's artifact and writes its own under fixed keys (a re-driven run overwrites
 * them; review-items writes the session's pending review items, idempotently).
 */
export async function processSession(sessionId: string, step: StepRunner, deps: PipelineDeps) {
  const { suites, workspaceId, userId, statedTimezone, redaction, rawRetentionDays } = await step.run(
    "start",
    () => startSessionRun(sessionId, deps.catalog),
  );
  const bronze = await step.run("bronze", () =>
    unlessDeleted(sessionId, () => runBronzeStep(sessionId, { redaction })),
  );
  const silver = await step.run("silver", () => unlessDeleted(sessionId, () => runSilverStep(sessionId)));
  const timezone = {
    ...(statedTimezone ? { stated: statedTimezone } : {}),
    evidence: bronze.zoneEvidence,
  };
  const gold = await step.run("gold", () =>
    unlessDeleted(sessionId, () =>
      runGoldStep(sessionId, { suites, accountId: workspaceId, silver, timezone }, deps),
    ),
  );
  // Proposed calls are written in the zone the run resolved (stated, recording or inferred), the one finalize
  // stores on the session and example generation later maps the accepted calls in.
  const zone = gold.timezone.timezone;
  const review = await step.run("review-items", () =>
    unlessDeleted(sessionId, () =>
      runReviewStep(
        sessionId,
        { workspaceId, userId, suite: suites[0] as string, ...(zone ? { timezone: zone } : {}) },
        deps,
      ),
    ),
  );
  // The explorer's per-zoom index, written before the session shows completed so its first view is fast. It is a
  // view, not a result: when it fails the run still completes and the explorer builds it on first view instead.
  await step.run("timeline-index", () =>
    unlessDeleted(sessionId, async () => {
      const session = {
        id: sessionId,
        suiteId: suites[0] as string,
        metrics: zone ? { timezone: zone } : null,
      };
      return buildTimelineIndex(session).then(
        (manifest) => ({ version: manifest.version }),
        (error: unknown) => {
          log.warn(
            { sessionId, err: error },
            "timeline index not written; the explorer builds it on first view",
          );
          return { version: null };
        },
      );
    }),
  );
  const finalized = await step.run("finalize", async () => {
    const metrics = buildRunMetrics(bronze, silver, gold);
    await markSessionCompleted(await getDb(), sessionId, {
      sourceFormat: bronze.formats.join(",") || null,
      eventCount: bronze.events,
      interactionCount: silver.interactions,
      actionCount: gold.actions,
      metrics,
      // A stated zone stays as stated; otherwise the run records what it found (or that it found none).
      ...(gold.timezone.source === "stated"
        ? {}
        : {
            timezone: {
              timezone: gold.timezone.timezone ?? null,
              timezoneSource: gold.timezone.source,
            },
          }),
    });
    // The session's ledger entries, once per session (fixed keys: a re-driven run records nothing twice): the
    // session, its events as ingested (uploaded or streamed: bronze reads both), and LLM classification tokens
    // billed to its workspace per model.
    await recordUsage({
      workspaceId,
      userId,
      subject: `session:${sessionId}`,
      items: [
        { kind: "sessions_processed" as const, quantity: 1 },
        { kind: "events_ingested" as const, quantity: bronze.events },
        ...gold.usage.flatMap((u) => [
          {
            kind: "input_tokens" as const,
            quantity: u.inputTokens,
            modelId: modelId(u.model),
            discriminator: "gold",
          },
          {
            kind: "output_tokens" as const,
            quantity: u.outputTokens,
            modelId: modelId(u.model),
            discriminator: "gold",
          },
        ]),
      ],
    });
    log.info({ sessionId, stagesMs: metrics.stagesMs, events: bronze.events }, "session processed");
    return {
      sessionId,
      events: bronze.events,
      interactions: silver.interactions,
      actions: gold.actions,
      reviewItems: review.reviewItems,
    };
  });
  // Retention 0: the raw recording is not kept once every layer is written (the layers and examples stay).
  if (rawRetentionDays === 0) {
    await step.run("retention", () => deleteRawRecordings(workspaceId, sessionId));
  }
  return finalized;
}

/** After the last retry: the session shows `failed` with the error a person can act on. */
export async function failSessionRun(sessionId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await markSessionFailed(await getDb(), sessionId, `Processing failed: ${message}`.slice(0, 2000));
}
