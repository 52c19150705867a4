import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import canonicalize from "canonicalize";
import tar from "tar-stream";
import { getDb } from "@/db/client";
import { listCompletedExamplesForSession } from "@/db/queries/examples";
import { listReviewItemsForSession } from "@/db/queries/review-items";
import { listSessionFiles } from "@/db/queries/session-files";
import { findSessionForWorkspace } from "@/db/queries/sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, notFound } from "@/lib/errors";
import { timelineIndexPrefix } from "@/lib/explorer/build-timeline-index";
import { childLogger } from "@/lib/logger";
import { isUuid } from "@/lib/sessions/get-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleManifest, type BundleSession } from "@/schemas/bundles";
import { BUNDLE_PATHS, SESSION_PLACEHOLDER } from "./bundle-paths";

const log = childLogger("bundles");

/** JSON with sorted keys (RFC 8785), so the same data is the same bytes and the same checksum. */
const canonical = (value: unknown) => `${canonicalize(value) ?? "null"}\n`;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Every entry of the bundle, described before any byte is read: a storage key or bytes made here. */
type Entry = { path: string } & ({ key: string } | { body: string });

async function entriesOf(workspaceId: string, sessionId: string): Promise<Entry[]> {
  const db = await getDb();
  const session = await findSessionForWorkspace(db, workspaceId, sessionId);
  if (!session) throw notFound("Session");
  if (session.status !== "completed" && session.status !== "failed") {
    throw new AppError({
      code: "conflict",
      message: "The session is still being processed; export it once it has completed",
    });
  }
  const store = await getObjectStore();
  const files = await listSessionFiles(db, sessionId);
  const raw = files.map((file) => ({
    file,
    path: BUNDLE_PATHS.raw(file.storageKey.split("/").pop() ?? file.fileName),
  }));
  // The explorer's per-zoom index is a cache derived from the artifacts: an imported session rebuilds it on first
  // view, so it never travels (nor would its nested tile paths fit the bundle's flat artifact names).
  const artifacts = (await store.list(`sessions/${sessionId}/artifacts/`)).filter(
    (object) => !object.key.startsWith(timelineIndexPrefix(sessionId)),
  );
  const examples = await listCompletedExamplesForSession(db, workspaceId, sessionId);
  const reviewItems = await listReviewItemsForSession(db, workspaceId, sessionId);
  const metrics = session.metrics
    ? JSON.parse(JSON.stringify(session.metrics).replaceAll(sessionId, SESSION_PLACEHOLDER))
    : null;
  const described: BundleSession = {
    description: session.description,
    suite_id: session.suiteId,
    suite_ids: session.suiteIds,
    timezone: session.timezone,
    timezone_source: session.timezoneSource,
    source_format: session.sourceFormat,
    status: session.status,
    error: session.error,
    event_count: session.eventCount,
    interaction_count: session.interactionCount,
    action_count: session.actionCount,
    metrics,
    created_at: session.createdAt.toISOString(),
    completed_at: iso(session.completedAt),
    raw_files: raw.map(({ file, path }) => ({ path, file_name: file.fileName, format: file.format })),
  };
  return [
    { path: BUNDLE_PATHS.session, body: canonical(described) },
    ...raw.map(({ file, path }) => ({ path, key: file.storageKey })),
    ...artifacts
      .map((object) => object.key)
      .sort()
      .map((key) => ({ path: BUNDLE_PATHS.artifact(key.split("/").pop() ?? key), key })),
    ...examples.flatMap((example, index) => [
      {
        path: BUNDLE_PATHS.example(index),
        body: canonical({
          model_id: example.modelId,
          action_tool_map_id: example.actionToolMapId,
          model_configuration: example.modelConfiguration,
          record_count: example.recordCount,
          created_at: example.createdAt.toISOString(),
          completed_at: iso(example.completedAt),
        }),
      },
      ...(example.storagePath
        ? [{ path: BUNDLE_PATHS.exampleMessages(index), key: example.storagePath }]
        : []),
    ]),
    {
      path: BUNDLE_PATHS.reviewItems,
      body: reviewItems
        .map((item) =>
          canonical({
            action_id: item.actionId,
            action: item.action,
            suite_id: item.suiteId,
            reasons: item.reasons,
            status: item.status,
            action_tool_map_id: item.actionToolMapId,
            tool_server: item.toolServer,
            tool_name: item.toolName,
            proposed_arguments: item.proposedArguments,
            accepted_arguments: item.acceptedArguments,
            decision_reason: item.decisionReason,
            decided_at: iso(item.decidedAt),
            evidence: item.evidence,
            created_at: item.createdAt.toISOString(),
          }),
        )
        .join(""),
    },
  ];
}

/** Streams one entry into the archive, hashing it on the way; tar needs the size in the header first. */
async function addEntry(pack: tar.Pack, entry: Entry, manifest: BundleManifest): Promise<void> {
  const hash = createHash("sha256");
  if ("body" in entry) {
    const bytes = Buffer.from(entry.body);
    hash.update(bytes);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry.path, size: bytes.length }, bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    manifest.files.push({ path: entry.path, sha256: hash.digest("hex"), bytes: bytes.length });
    return;
  }
  const store = await getObjectStore();
  const head = await store.head(entry.key);
  const stream = await store.getStream(entry.key);
  if (!head || !stream) throw new Error(`Stored object ${entry.key} of the bundle is missing`);
  const sink = pack.entry({ name: entry.path, size: head.size });
  const hashing = new PassThrough();
  hashing.on("data", (chunk: Buffer) => hash.update(chunk));
  await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream), hashing, sink);
  manifest.files.push({ path: entry.path, sha256: hash.digest("hex"), bytes: head.size });
}

/**
 * `GET /v1/sessions/{id}/bundle`: a gzipped tar of the session as processed: `session.json`, the raw files still
 * kept, the artifacts, completed examples with their JSONL, review items with their decisions, and last
 * `manifest.json` with every other entry's SHA-256 and size. Streamed: no entry is held in memory whole.
 */
export async function exportSessionBundle(
  actor: Actor,
  sessionId: string,
  meta: RequestMeta,
): Promise<ReadableStream<Uint8Array>> {
  if (!isUuid(sessionId)) throw notFound("Session");
  const entries = await entriesOf(actor.workspaceId, sessionId);
  // Data leaving the workspace is audited when it starts to leave (a client may stop reading half-way).
  await recordAuditEvent(
    {
      type: "session.exported",
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      target: { type: "session", id: sessionId },
      metadata: { entries: entries.length },
    },
    meta,
  );
  const pack = tar.pack();
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    created_at: new Date().toISOString(),
    files: [],
  };
  void (async () => {
    try {
      for (const entry of entries) await addEntry(pack, entry, manifest);
      const body = Buffer.from(canonical(manifest));
      pack.entry({ name: BUNDLE_PATHS.manifest, size: body.length }, body);
      pack.finalize();
    } catch (error) {
      log.error({ err: error, sessionId }, "session bundle export failed");
      pack.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  const gzip = createGzip();
  // A failed entry must fail the download, not end it as a shorter but valid-looking archive.
  pack.on("error", (error) => gzip.destroy(error));
  return Readable.toWeb(pack.pipe(gzip)) as ReadableStream<Uint8Array>;
}
