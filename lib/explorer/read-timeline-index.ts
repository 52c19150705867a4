import { getDb } from "@/db/client";
import { findSessionStatusForWorkspace } from "@/db/queries/sessions";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/sessions/get-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import {
  type TimelineItemRef,
  type TimelineManifest,
  type TimelineTilePicture,
  timelineIdShardSchema,
  timelineItemsQuerySchema,
  timelineManifestSchema,
  timelineTilePictureSchema,
  timelineTileQuerySchema,
} from "@/schemas/timeline";
import {
  buildTimelineIndex,
  TIMELINE_LANES,
  timelineIdShardKey,
  timelineManifestKey,
  timelineTileKey,
} from "./build-timeline-index";
import { loadProcessedSession } from "./stream-session-timeline";
import { type IdShard, idShardOf } from "./timeline-id-shards";
import { drawTimelineOverview, type TimelineOverview } from "./timeline-overview";
import { openingView } from "./timeline-tiles";

/** One build per session at a time: the explorer asks for the manifest and its tiles at once. */
const building = new Map<string, Promise<TimelineManifest>>();
/**
 * Manifests read lately, by session. A tile request names the version it wants; a cached manifest of another
 * version is read again, so a rebuilt index is picked up, and a deleted session fails its ownership check first.
 */
const recentManifests = new Map<string, TimelineManifest>();
const RECENT_MANIFESTS = 200;

/** The stored manifest of a session the caller has already been checked to own, or undefined before it is built. */
export async function readStoredManifest(sessionId: string): Promise<TimelineManifest | undefined> {
  const stream = await (await getObjectStore()).getStream(timelineManifestKey(sessionId));
  if (!stream) return undefined;
  const manifest = timelineManifestSchema.parse(JSON.parse(await new Response(stream).text()));
  recentManifests.delete(sessionId);
  recentManifests.set(sessionId, manifest);
  if (recentManifests.size > RECENT_MANIFESTS)
    recentManifests.delete(recentManifests.keys().next().value as string);
  return manifest;
}

export interface TimelineOpening {
  manifest?: TimelineManifest;
  overview?: TimelineOverview;
}

/**
 * What the session page renders the explorer with, for a session the caller has already been checked to own: the
 * stored manifest and a picture of the opening view drawn from each lane's level-0 tile. The tiles are read beside
 * the manifest (their keys do not name its version), so the picture costs no round trip after it. Nothing before
 * the index is built: the explorer builds it on first view.
 */
export async function readTimelineOpening(sessionId: string): Promise<TimelineOpening> {
  const store = await getObjectStore();
  const readTile = async (
    lane: (typeof TIMELINE_LANES)[number],
  ): Promise<TimelineTilePicture | undefined> => {
    const stream = await store.getStream(timelineTileKey(sessionId, lane, 0, 0));
    return stream
      ? timelineTilePictureSchema.parse(JSON.parse(await new Response(stream).text()))
      : undefined;
  };
  const [manifest, ...tiles] = await Promise.all([
    readStoredManifest(sessionId),
    ...TIMELINE_LANES.map(readTile),
  ]);
  if (!manifest) return {};
  const loaded = tiles.filter((tile): tile is TimelineTilePicture => tile !== undefined);
  return { manifest, overview: drawTimelineOverview(manifest, loaded, openingView(manifest)) };
}

/**
 * The session's timeline index. The pipeline writes it when a run finishes; a session processed before the index
 * existed (or whose index step failed) gets it built here on first view and stored for every later one.
 */
async function manifestFor(session: Awaited<ReturnType<typeof loadProcessedSession>>) {
  const stored = await readStoredManifest(session.id);
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
 * The manifest a request of an owned, processed session works with: the one in memory when it is the version asked
 * for, else the stored one, else built now (a session processed before the index).
 */
async function currentManifest(workspaceId: string, sessionId: string, version?: string) {
  const cached = recentManifests.get(sessionId);
  if (cached && version !== undefined && cached.version === version) return cached;
  return (await readStoredManifest(sessionId)) ?? (await getTimelineManifest(workspaceId, sessionId));
}

/** A tile is asked for by the dozen per view: its ownership check reads the status column only. */
async function assertProcessedSession(workspaceId: string, sessionId: string) {
  if (!isUuid(sessionId)) throw notFound("Session");
  const status = await findSessionStatusForWorkspace(await getDb(), workspaceId, sessionId);
  if (!status) throw notFound("Session");
  if (status !== "completed") {
    throw new AppError({
      code: "conflict",
      message: `The session is ${status}; its timeline is available once processing completes`,
    });
  }
}

/**
 * One tile's stored JSON, streamed as stored. A tile below a leaf does not exist: the deepest ancestor that does
 * (a raw-items leaf) answers instead, and says which it is in its `level` and `tile` fields.
 */
export async function getTimelineTile(workspaceId: string, sessionId: string, searchParams: URLSearchParams) {
  // Ownership before the query: another workspace's session is 404 whatever was asked of it.
  await assertProcessedSession(workspaceId, sessionId);
  const query = timelineTileQuerySchema.parse(Object.fromEntries(searchParams));
  const manifest = await currentManifest(workspaceId, sessionId, query.v);
  // A tile of an older index would mix two trees: the client refetches the manifest on a 404.
  if (manifest.version !== query.v) throw notFound("Timeline index version");
  if (query.tile >= 4 ** query.level) throw notFound("Timeline tile");
  const store = await getObjectStore();
  for (let level = query.level, tile = query.tile; level >= 0; level--, tile = Math.floor(tile / 4)) {
    const stream = await store.getStream(timelineTileKey(sessionId, query.lane, level, tile));
    if (stream) return { stream, lane: query.lane, level, tile, version: manifest.version };
  }
  throw notFound("Timeline tile");
}

/**
 * Where items are on the timeline, by id, from the index's find-by-id shards: for an item the browser has not
 * loaded (a provenance chip or an `#item=` link on a large lane), so it can zoom there and load its tiles. Each id
 * costs one small shard read per lane, shared between ids; ids not found are left out, and so is every id of an
 * index built before the shards.
 */
export async function findTimelineItems(
  workspaceId: string,
  sessionId: string,
  searchParams: URLSearchParams,
): Promise<TimelineItemRef[]> {
  // Ownership before the query, as for tiles: another workspace's session is 404 whatever was asked of it.
  await assertProcessedSession(workspaceId, sessionId);
  const { ids } = timelineItemsQuerySchema.parse(Object.fromEntries(searchParams));
  const manifest = await currentManifest(workspaceId, sessionId);
  const store = await getObjectStore();
  const shards = new Map<string, Promise<IdShard | undefined>>();
  const readShard = (lane: TimelineItemRef["lane"], shard: number) => {
    const key = timelineIdShardKey(sessionId, lane, shard);
    let pending = shards.get(key);
    if (!pending) {
      pending = store
        .getStream(key)
        .then(async (stream) =>
          stream ? timelineIdShardSchema.parse(JSON.parse(await new Response(stream).text())) : undefined,
        );
      shards.set(key, pending);
    }
    return pending;
  };
  const found = await Promise.all(
    ids.map(async (id) => {
      const perLane = await Promise.all(
        manifest.lanes.map(async (lane): Promise<TimelineItemRef | undefined> => {
          if (!lane.idShards) return undefined;
          const shard = await readShard(lane.id, idShardOf(id, lane.idShards));
          const i = shard?.ids.indexOf(id) ?? -1;
          return shard && i >= 0
            ? { id, lane: lane.id, start: shard.starts[i] as number, end: shard.ends[i] as number }
            : undefined;
        }),
      );
      return perLane.find((ref) => ref !== undefined);
    }),
  );
  return found.filter((ref): ref is TimelineItemRef => ref !== undefined);
}
