import { getDb } from "@/db/client";
import { findSessionForWorkspace } from "@/db/queries/sessions";
import { AppError, notFound } from "@/lib/errors";
import { readJsonlLines } from "@/lib/pipeline/jsonl";
import { isUuid } from "@/lib/sessions/get-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { TimelineQuery } from "@/schemas/examples";
import { type ArtifactName, artifactKeys } from "./artifact-keys";

const artifactOfLayer: Record<TimelineQuery["layer"], ArtifactName> = {
  events: "bronze",
  interactions: "silver",
  windows: "windows",
  actions: "actions",
  issues: "importIssues",
};

/** The time of an item of any layer: bronze `ts`, interaction/action `ts`, window `startTs`. */
function timeOf(item: Record<string, unknown>): number | undefined {
  const value = item.ts ?? item.startTs;
  return typeof value === "number" ? value : undefined;
}

/**
 * One page of a processed session's layer, streamed from its artifact: items after position `after`, optionally
 * within [from_ts, to_ts). Only the lines of the page are parsed when no time range is given, so paging a
 * 100k-event session never builds one giant JSON.
 */
export async function readTimelinePage(input: {
  workspaceId: string;
  sessionId: string;
  query: TimelineQuery;
}) {
  if (!isUuid(input.sessionId)) throw notFound("Session");
  const session = await findSessionForWorkspace(await getDb(), input.workspaceId, input.sessionId);
  if (!session) throw notFound("Session");
  const { query } = input;
  const key = artifactKeys(session.id)[artifactOfLayer[query.layer]];
  const stream = session.status === "completed" ? await (await getObjectStore()).getStream(key) : undefined;
  if (!stream) {
    throw new AppError({
      code: "conflict",
      message: `Session ${session.id} is ${session.status}; its timeline is available once processing completes`,
    });
  }
  const hasRange = query.from_ts !== undefined || query.to_ts !== undefined;
  const data: { seq: number; item: unknown }[] = [];
  let seq = -1;
  let hasMore = false;
  for await (const { text: line } of readJsonlLines(stream)) {
    seq += 1;
    if (seq <= query.after) continue;
    if (data.length === query.limit) {
      // One more matching line decides has_more; without a range any line matches.
      if (!hasRange || inRange(JSON.parse(line), query)) {
        hasMore = true;
        break;
      }
      continue;
    }
    const item = JSON.parse(line) as Record<string, unknown>;
    if (hasRange && !inRange(item, query)) continue;
    data.push({ seq, item });
  }
  const last = data.at(-1);
  return {
    object: "list" as const,
    layer: query.layer,
    session_id: session.id,
    data,
    has_more: hasMore,
    next_after: hasMore && last ? last.seq : null,
  };
}

function inRange(item: Record<string, unknown>, query: TimelineQuery): boolean {
  const ts = timeOf(item);
  if (ts === undefined) return query.from_ts === undefined && query.to_ts === undefined;
  return (
    (query.from_ts === undefined || ts >= query.from_ts) && (query.to_ts === undefined || ts < query.to_ts)
  );
}
