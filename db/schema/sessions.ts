import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { suites } from "./catalog";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * open: accepting streamed events · uploaded: raw data complete, pipeline queued · processing · completed · failed.
 */
export const sessionStatus = pgEnum("session_status", [
  "open",
  "uploaded",
  "processing",
  "completed",
  "failed",
]);

/** Where a session's zone came from: see lib/pipeline/timezone/resolve-timezone.ts. */
export const timezoneSource = pgEnum("timezone_source", ["stated", "recording", "inferred", "unknown"]);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    suiteId: uuid("suite_id")
      .notNull()
      .references(() => suites.id),
    /**
     * Every suite the session is processed for, `suite_id` first (null: only `suite_id`). Each gives its own actions
     * and examples; a window is only read for actions of its own suite.
     */
    suiteIds: uuid("suite_ids").array(),
    description: text("description"),
    /** IANA zone of the person's calendar and clock: stated on upload, else set by the pipeline. */
    timezone: text("timezone"),
    timezoneSource: timezoneSource("timezone_source").notNull().default("unknown"),
    /** Storage prefix holding the session's raw files and artifacts: `sessions/<id>/`. */
    storagePath: text("storage_path").notNull(),
    status: sessionStatus("status").notNull().default("open"),
    sourceFormat: text("source_format"),
    eventCount: integer("event_count").notNull().default(0),
    interactionCount: integer("interaction_count").notNull().default(0),
    actionCount: integer("action_count").notNull().default(0),
    rawBytes: bigint("raw_bytes", { mode: "number" }).notNull().default(0),
    /** Per-run pipeline metrics (events per stage, merge ratios, confidence distribution, time per stage). */
    metrics: jsonb("metrics").$type<Record<string, unknown>>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When retention deleted the raw recordings (files and streamed events); the session and examples stay. */
    rawDeletedAt: timestamp("raw_deleted_at", { withTimezone: true }),
    /** When retention deleted the derived artifacts (the layers behind the explorer). */
    derivedDeletedAt: timestamp("derived_deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("sessions_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("sessions_workspace_suite_created_idx").on(t.workspaceId, t.suiteId, t.createdAt, t.id),
    index("sessions_workspace_status_created_idx").on(t.workspaceId, t.status, t.createdAt, t.id),
  ],
);

/** A raw recording file of a session, as uploaded. */
export const sessionFiles = pgTable(
  "session_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    storageKey: text("storage_key").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    contentType: text("content_type"),
    format: text("format"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("session_files_session_idx").on(t.sessionId)],
);

/**
 * Ids of the events streamed into an open session, for deduplication only: the primary key (session, client
 * event id) makes a re-sent event a duplicate. The events themselves are in `session_event_batches`.
 * No foreign key: its check runs once per id (~2 ms of a 500-event batch on PGlite), and the insert already
 * share-locks the open session's row, so an id never points at a missing session. A trigger on `sessions`
 * (migration 0004) deletes a session's ids with it, as the cascade would.
 */
export const sessionEventIds = pgTable(
  "session_event_ids",
  {
    sessionId: uuid("session_id").notNull(),
    eventId: text("event_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.eventId] })],
);

/**
 * The events one ingest flush stored for a session, as NDJSON in request order (one `JSON.stringify(event)` per
 * line): one request's, or several concurrent requests' when the ingest queue grouped them (lib/ingest/group-commit.ts).
 * One text row per flush costs a fraction of one jsonb row per event; `seq` orders the batches of a session.
 */
export const sessionEventBatches = pgTable(
  "session_event_batches",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    eventCount: integer("event_count").notNull(),
    body: text("body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

/**
 * One file reserved by a direct upload (`POST /v1/uploads`), so its token is single-use: `reserved` → `uploading`
 * (one PUT holds it) → `uploaded` → `completed` (consumed by `POST /v1/uploads/complete`, after which the object
 * is immutable). No foreign key to `sessions`: the session row only exists once the upload is completed.
 * Deleting the session deletes its reservations, so a PUT after deletion finds none (404).
 */
export const directUploadFiles = pgTable(
  "direct_upload_files",
  {
    storageKey: text("storage_key").primaryKey(),
    sessionId: uuid("session_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    maxBytes: bigint("max_bytes", { mode: "number" }).notNull(),
    state: text("state")
      .$type<"reserved" | "uploading" | "uploaded" | "completed">()
      .notNull()
      .default("reserved"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("direct_upload_files_session_idx").on(t.sessionId),
    index("direct_upload_files_workspace_idx").on(t.workspaceId),
  ],
);
