import { createHash } from "node:crypto";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import { getDb } from "@/db/client";
import { insertImportedExamples } from "@/db/queries/examples";
import { insertImportedReviewItems } from "@/db/queries/review-items";
import { insertSessionFiles } from "@/db/queries/session-files";
import { insertSession } from "@/db/queries/sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { inflatedByteLimit } from "@/lib/pipeline-runs/inflated-byte-limit";
import { assertStorageQuota } from "@/lib/sessions/storage-quota";
import { getObjectStore } from "@/lib/storage/get-object-store";
import {
  type BundleManifest,
  bundleExampleSchema,
  bundleManifestSchema,
  bundleReviewItemSchema,
  bundleSessionSchema,
  type ImportReport,
} from "@/schemas/bundles";
import { BUNDLE_PATH_PATTERN, BUNDLE_PATHS, SESSION_PLACEHOLDER } from "./bundle-paths";

/** JSON entries are read into memory; stored files stream to storage. */
const MAX_JSON_ENTRY_BYTES = 64 * 1024 * 1024;

const refused = (file: string, message: string) =>
  new AppError({
    code: "unprocessable",
    message: `The bundle was refused: ${file} ${message}`,
    extensions: {
      errors: [{ field: "file", code: "invalid_bundle", message: `${file} ${message}` }],
      bundle_file: file,
    },
  });

interface ReadEntry {
  sha256: string;
  bytes: number;
  /** Where a stored entry was written (raw files, artifacts, example messages). */
  key?: string;
  text?: string;
}

/** Where each stored entry of a bundle goes for the new session (example ids are made before their rows). */
function storageKeyOf(path: string, sessionId: string, exampleIds: Map<string, string>): string | undefined {
  if (path.startsWith("raw/")) return `sessions/${sessionId}/${path.slice(4)}`;
  if (path.startsWith("artifacts/")) return `sessions/${sessionId}/${path}`;
  const example = path.match(/^examples\/(\d+)\/messages\.jsonl$/);
  if (example?.[1]) {
    let id = exampleIds.get(example[1]);
    if (!id) {
      id = crypto.randomUUID();
      exampleIds.set(example[1], id);
    }
    return `examples/${id}/messages.jsonl`;
  }
  return undefined;
}

/** Counts inflated bytes across the whole archive and stops at the cap (decompression bombs). */
function inflationCap(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes)
        done(
          refused(
            "(archive)",
            `inflates to more than ${maxBytes} bytes: refused as a possible decompression bomb`,
          ),
        );
      else done(null, chunk);
    },
  });
}

async function readBundle(
  file: Blob,
  sessionId: string,
  exampleIds: Map<string, string>,
  written: string[],
): Promise<Map<string, ReadEntry>> {
  const store = await getObjectStore();
  const entries = new Map<string, ReadEntry>();
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    void (async () => {
      const path = header.name;
      if (header.type !== "file" || !BUNDLE_PATH_PATTERN.test(path))
        throw refused(path, "is not an entry a session bundle holds");
      if (entries.has(path)) throw refused(path, "appears twice");
      const hash = createHash("sha256");
      let bytes = 0;
      const key = storageKeyOf(path, sessionId, exampleIds);
      const chunks: Buffer[] = [];
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          if (!key && bytes > MAX_JSON_ENTRY_BYTES) return done(refused(path, "is too large"));
          if (!key) chunks.push(chunk);
          done(null, key ? chunk : undefined);
        },
      });
      // The archive failing mid-entry (a bomb, a cut download) must fail this entry's write too.
      stream.on("error", (error) => counting.destroy(error));
      if (key) {
        written.push(key);
        await store.put(key, Readable.toWeb(stream.pipe(counting)) as ReadableStream<Uint8Array>);
      } else {
        await pipeline(stream, counting, new Writable({ write: (_c, _e, done) => done() }));
      }
      entries.set(path, {
        sha256: hash.digest("hex"),
        bytes,
        ...(key ? { key } : { text: Buffer.concat(chunks).toString("utf8") }),
      });
    })().then(
      () => next(),
      (error: unknown) => {
        stream.resume();
        next(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  try {
    await pipeline(
      Readable.fromWeb(file.stream() as import("node:stream/web").ReadableStream),
      createGunzip(),
      inflationCap(inflatedByteLimit(file.size)),
      extract,
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused("(archive)", "is not a readable .tar.gz session bundle");
  }
  return entries;
}

/** Every entry must be in the manifest with its checksum and size, and every manifest file must be there. */
function verify(entries: Map<string, ReadEntry>): BundleManifest {
  const manifestEntry = entries.get(BUNDLE_PATHS.manifest);
  if (!manifestEntry?.text) throw refused(BUNDLE_PATHS.manifest, "is missing");
  const parsed = bundleManifestSchema.safeParse(safeJson(manifestEntry.text));
  if (!parsed.success) throw refused(BUNDLE_PATHS.manifest, "is not a version 1 session bundle manifest");
  const listed = new Set<string>();
  for (const file of parsed.data.files) {
    listed.add(file.path);
    const entry = entries.get(file.path);
    if (!entry) throw refused(file.path, "is listed in the manifest but missing from the archive");
    if (entry.sha256 !== file.sha256 || entry.bytes !== file.bytes)
      throw refused(file.path, "does not match its SHA-256 checksum in the manifest (changed or damaged)");
  }
  for (const path of entries.keys()) {
    if (path !== BUNDLE_PATHS.manifest && !listed.has(path))
      throw refused(path, "is not listed in the manifest");
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseEntry<T>(entries: Map<string, ReadEntry>, path: string, parse: (value: unknown) => T): T {
  try {
    return parse(safeJson(entries.get(path)?.text ?? ""));
  } catch {
    throw refused(path, "does not have the shape of a session bundle entry");
  }
}

/**
 * `POST /v1/sessions/import`: a session bundle (see export-session-bundle.ts) becomes a new session of the caller,
 * processed as it was: the same raw files, artifacts, examples and review decisions, byte for byte. Entries
 * stream to storage while their checksums are computed; anything refused (or a dry run) removes what was written.
 */
export async function importSessionBundle(input: {
  workspaceId: string;
  /** The member importing: the creator of the new rows, and the audit's actor. */
  userId: string;
  file: Blob;
  dryRun: boolean;
  meta: RequestMeta;
}): Promise<ImportReport> {
  await assertStorageQuota(input.workspaceId, input.file.size);
  const sessionId = crypto.randomUUID();
  const exampleIds = new Map<string, string>();
  const written: string[] = [];
  const store = await getObjectStore();
  const cleanUp = async () => {
    for (const key of written) await store.delete(key).catch(() => undefined);
  };
  try {
    const entries = await readBundle(input.file, sessionId, exampleIds, written);
    const manifest = verify(entries);
    const session = parseEntry(entries, BUNDLE_PATHS.session, (v) => bundleSessionSchema.parse(v));
    const examples = [...exampleIds.keys()]
      .sort((a, b) => Number(a) - Number(b))
      .map((n) => ({
        n,
        id: exampleIds.get(n) as string,
        meta: parseEntry(entries, `examples/${n}/example.json`, (v) => bundleExampleSchema.parse(v)),
      }));
    const reviewItems = (entries.get(BUNDLE_PATHS.reviewItems)?.text ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) =>
        parseEntry(new Map([["line", { sha256: "", bytes: 0, text: line }]]), "line", (v) =>
          bundleReviewItemSchema.parse(v),
        ),
      );
    const rawFiles = session.raw_files.map((file) => {
      const entry = entries.get(file.path);
      if (!entry?.key) throw refused(file.path, "is named in session.json but is not in the archive");
      return { ...file, key: entry.key, bytes: entry.bytes };
    });
    const report: ImportReport = {
      dry_run: input.dryRun,
      session_id: input.dryRun ? null : sessionId,
      files: manifest.files.length,
      raw_files: rawFiles.length,
      examples: examples.length,
      review_items: reviewItems.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
    };
    if (input.dryRun) {
      await cleanUp();
      return report;
    }
    const metrics = session.metrics
      ? JSON.parse(JSON.stringify(session.metrics).replaceAll(SESSION_PLACEHOLDER, sessionId))
      : null;
    const db = await getDb();
    await db.transaction(async (tx) => {
      await insertSession(tx, {
        id: sessionId,
        workspaceId: input.workspaceId,
        userId: input.userId,
        suiteId: session.suite_id,
        suiteIds: session.suite_ids,
        description: session.description,
        // The session keeps the time it was recorded and processed, so a round trip changes no file.
        createdAt: new Date(session.created_at),
        timezone: session.timezone,
        timezoneSource: session.timezone_source,
        status: session.status,
        sourceFormat: session.source_format,
        rawBytes: rawFiles.reduce((sum, f) => sum + f.bytes, 0),
        eventCount: session.event_count,
        interactionCount: session.interaction_count,
        actionCount: session.action_count,
        metrics,
        completedAt: session.completed_at ? new Date(session.completed_at) : null,
      });
      await insertSessionFiles(
        tx,
        rawFiles.map((file) => ({
          sessionId,
          fileName: file.file_name,
          storageKey: file.key,
          sizeBytes: file.bytes,
          format: file.format,
        })),
      );
      await insertImportedExamples(
        tx,
        examples.map(({ n, id, meta }) => ({
          id,
          workspaceId: input.workspaceId,
          userId: input.userId,
          sessionId,
          modelId: meta.model_id,
          actionToolMapId: meta.action_tool_map_id,
          modelConfiguration: meta.model_configuration,
          status: "completed" as const,
          storagePath: `examples/${id}/messages.jsonl`,
          recordCount: meta.record_count,
          sizeBytes: entries.get(`examples/${n}/messages.jsonl`)?.bytes ?? 0,
          createdAt: new Date(meta.created_at),
          completedAt: meta.completed_at ? new Date(meta.completed_at) : null,
        })),
      );
      await insertImportedReviewItems(
        tx,
        reviewItems.map((item) => ({
          workspaceId: input.workspaceId,
          userId: input.userId,
          sessionId,
          suiteId: item.suite_id,
          actionId: item.action_id,
          action: item.action,
          reasons: item.reasons,
          status: item.status,
          actionToolMapId: item.action_tool_map_id,
          toolServer: item.tool_server,
          toolName: item.tool_name,
          proposedArguments: item.proposed_arguments,
          acceptedArguments: item.accepted_arguments,
          decisionReason: item.decision_reason,
          decidedAt: item.decided_at ? new Date(item.decided_at) : null,
          evidence: item.evidence,
          createdAt: new Date(item.created_at),
        })),
      );
      await recordAuditEvent(
        {
          type: "session.imported",
          workspaceId: input.workspaceId,
          userId: input.userId,
          target: { type: "session", id: sessionId },
          metadata: { files: report.files },
        },
        input.meta,
        tx,
      );
    });
    return report;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
