import { getDb } from "@/db/client";
import { findSessionForWorkspace } from "@/db/queries/sessions";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { AppError, notFound } from "@/lib/errors";
import { generateExamples, RULES_MODEL } from "@/lib/pipeline/examples/generate-examples";
import { artifactKeys } from "@/lib/pipeline-runs/artifact-keys";
import { readJsonlArtifact } from "@/lib/pipeline-runs/jsonl-artifacts";
import { isUuid } from "@/lib/sessions/get-session";
import type { CanonicalEvent } from "@/schemas/events";
import type { GoldAction, Interaction, Window } from "@/schemas/pipeline";
import {
  actionRow,
  eventRow,
  interactionRow,
  type Row,
  type TimelineChunk,
  toChunks,
  toolCallRow,
  windowRow,
} from "./timeline-chunks";
import type { LaneId } from "./timeline-lanes";

export async function loadProcessedSession(workspaceId: string, sessionId: string) {
  if (!isUuid(sessionId)) throw notFound("Session");
  const session = await findSessionForWorkspace(await getDb(), workspaceId, sessionId);
  if (!session) throw notFound("Session");
  if (session.status !== "completed") {
    throw new AppError({
      code: "conflict",
      message: `The session is ${session.status}; its timeline is available once processing completes`,
    });
  }
  return session;
}

export async function firstEventTs(sessionId: string): Promise<number> {
  for await (const event of readJsonlArtifact<CanonicalEvent>(artifactKeys(sessionId).bronze))
    return event.ts;
  return 0;
}

async function* mapArtifact<T, R>(key: string, map: (record: T) => R): AsyncGenerator<R> {
  for await (const record of readJsonlArtifact<T>(key)) yield map(record);
}

async function collect<T>(key: string): Promise<T[]> {
  const out: T[] = [];
  for await (const record of readJsonlArtifact<T>(key)) out.push(record);
  return out;
}

type ProcessedSession = Awaited<ReturnType<typeof loadProcessedSession>>;

/** The rows of one lane of a processed session, in the artifacts' order (by start), times relative to `t0`. */
export async function laneRows(
  session: Pick<ProcessedSession, "id" | "suiteId" | "metrics">,
  lane: LaneId,
  t0: number,
): Promise<AsyncIterable<Row> | Iterable<Row>> {
  const keys = artifactKeys(session.id);
  switch (lane) {
    case "events":
      return mapArtifact<CanonicalEvent, Row>(keys.bronze, (e) => eventRow(e, t0));
    case "interactions":
      return mapArtifact<Interaction, Row>(keys.silver, (i) => interactionRow(i, t0));
    case "windows":
      return mapArtifact<Window, Row>(keys.windows, (w) => windowRow(w, t0));
    case "actions": {
      const actions = await collect<GoldAction>(keys.actions);
      const wanted = new Set(actions.flatMap((a) => a.interactionIds));
      const ends = new Map<string, number>();
      for await (const i of readJsonlArtifact<Interaction>(keys.silver))
        if (wanted.has(i.id)) ends.set(i.id, i.endTs);
      return actions.map((a) =>
        actionRow(a, t0, Math.max(0, ...a.interactionIds.map((id) => (ends.get(id) ?? a.ts) - t0))),
      );
    }
    case "toolCalls": {
      const { toolCalls, byId } = await sessionToolCalls(session);
      return toolCalls.flatMap((call) => {
        const action = byId.get(call.action);
        return action ? [toolCallRow(call, action, t0)] : [];
      });
    }
  }
}

/** One lane of a processed session as columnar chunks, read from the stored pipeline artifacts. */
export async function streamSessionTimeline(
  workspaceId: string,
  sessionId: string,
  lane: LaneId,
): Promise<AsyncIterable<TimelineChunk>> {
  const session = await loadProcessedSession(workspaceId, sessionId);
  return toChunks(lane, await laneRows(session, lane, await firstEventTs(session.id)));
}

/** The calls the suite's default map would make, including actions still under review (what the explorer shows). */
async function sessionToolCalls(session: Pick<ProcessedSession, "id" | "suiteId" | "metrics">) {
  const actions = await collect<GoldAction>(artifactKeys(session.id).actions);
  const byId = new Map(actions.map((a) => [a.id, a]));
  const suite = findSuite(getBundledCatalog(), session.suiteId);
  if (!suite || actions.length === 0) return { toolCalls: [], byId };
  const timezone = typeof session.metrics?.timezone === "string" ? session.metrics.timezone : undefined;
  const { toolCalls } = await generateExamples({
    actions,
    suite: suite.slug,
    model: RULES_MODEL,
    catalog: getBundledCatalog(),
    format: "openai",
    includeNeedsReview: true,
    timezone,
  }).catch(() => ({ toolCalls: [] }));
  return { toolCalls, byId };
}

const laneArtifact: Record<Exclude<LaneId, "toolCalls">, keyof ReturnType<typeof artifactKeys>> = {
  events: "bronze",
  interactions: "silver",
  windows: "windows",
  actions: "actions",
};

/** The full stored record of one timeline item, for the inspector. */
export async function getTimelineItem(workspaceId: string, sessionId: string, lane: LaneId, itemId: string) {
  const session = await loadProcessedSession(workspaceId, sessionId);
  const keys = artifactKeys(session.id);
  if (lane === "toolCalls") {
    // The inspector shows the call's argument values, not only its label: the same call the lane was built from.
    const { toolCalls } = await sessionToolCalls(session);
    const call = toolCalls.find((c) => `call:${c.action}` === itemId);
    if (!call) throw notFound("Timeline item");
    return { id: itemId, tool: call.tool, arguments: call.arguments, action: call.action };
  }
  for await (const record of readJsonlArtifact<{ id: string }>(keys[laneArtifact[lane]])) {
    if (record.id === itemId) return record;
  }
  throw notFound("Timeline item");
}
