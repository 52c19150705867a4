import { notFound } from "@/lib/errors";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { type TimelineManifest, timelineManifestSchema } from "@/schemas/timeline";
import { buildTimelineIndex, timelineManifestKey, timelineTileKey } from "./build-timeline-index";
import { loadProcessedSession } from "./stream-session-timeline";
import type { LaneId } from "./timeline-lanes";

/** One build per session at a time: the explorer asks for the manifest and its tiles at once. */
const building = new Map<string, Promise<TimelineManifest>>();

async function readManifest(sessionId: string): Promise<TimelineManifest | undefined> {
  const stream = await (await getObjectStore()).getStream(timelineManifestKey(sessionId));
  if (!stream) return undefined;
  return timelineManifestSchema.parse(JSON.parse(await new Response(stream).text()));
}

/**
 * The session's timeline index. The pipeline writes it when a run finishes; a session processed before the index
 * existed (or whose index step failed) gets it built here on first view and stored for every later one.
 */
async function manifestFor(session: Awaited<ReturnType<typeof loadProcessedSession>>) {
  const stored = await readManifest(session.id);
  if (stored) return stored;
  let pending = building.get(session.id);
  if (!pending) {
    pending = buildTimelineIndex(session).finally(() => building.delete(session.id));
    building.set(session.id, pending);
  }
  return pending;
}

export async function getTimelineManifest(workspaceId: string, sessionId: string): Promise<TimelineManifest> {
  return manifestFor(await loadProcessedSession(workspaceId, sessionId));
}

/**
 * One tile's stored JSON, streamed as stored. A tile below a leaf does not exist: the deepest ancestor that does
 * (a raw-items leaf) answers instead, and says which it is in its `level` and `tile` fields.
 */
export async function getTimelineTile(
  workspaceId: string,
  sessionId: string,
  query: { v: string; lane: LaneId; level: number; tile: number },
) {
  const session = await loadProcessedSession(workspaceId, sessionId);
  const manifest = await manifestFor(session);
  // A tile of an older index would mix two trees: the client refetches the manifest on a 404.
  if (manifest.version !== query.v) throw notFound("Timeline index version");
  if (query.tile >= 4 ** query.level) throw notFound("Timeline tile");
  const store = await getObjectStore();
  for (let level = query.level, tile = query.tile; level >= 0; level--, tile = Math.floor(tile / 4)) {
    const stream = await store.getStream(timelineTileKey(session.id, query.lane, level, tile));
    if (stream) return { stream, level, tile, version: manifest.version };
  }
  throw notFound("Timeline tile");
}
