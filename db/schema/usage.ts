import { sql } from "drizzle-orm";
import {
  bigint,
  doublePrecision,
  index,
  inet,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { models } from "./catalog";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** What is billed: LLM tokens per model, storage as byte-hours, plus counters shown on the dashboard. */
export const usageKind = pgEnum("usage_kind", [
  "input_tokens",
  "output_tokens",
  "storage_byte_hours",
  "events_ingested",
  "examples_generated",
]);

export const usageRecords = pgTable(
  "usage_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who caused it, when a person did (null for workspace-wide usage such as storage). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: usageKind("kind").notNull(),
    modelId: uuid("model_id").references(() => models.id),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    /** What the usage is for, e.g. `example:<id>` or `session:<id>`. */
    subject: text("subject"),
    /** Makes recording usage idempotent: a retried step writes the same key and is ignored. */
    idempotencyKey: text("idempotency_key").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("usage_records_idempotency_key").on(t.idempotencyKey),
    index("usage_records_workspace_occurred_idx").on(t.workspaceId, t.occurredAt.desc()),
    index("usage_records_unreported_idx").on(t.occurredAt).where(sql`${t.reportedAt} is null`),
  ],
);

/** Append-only: a trigger in the migrations rejects UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id"),
    action: text("action").notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_user_created_idx").on(t.userId, t.createdAt.desc())],
);

/** Token buckets kept in Postgres so limits hold across instances. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * `Idempotency-Key` claims and their first responses (24 h). A row is written before the request runs, with a
 * fingerprint of the request (method, path, body hash): a null response means it is still running, so a
 * concurrent duplicate waits instead of running twice, and a different request under the same key is refused.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    /** sha256 of method, path and body; '' on rows stored before fingerprints existed (they replay as before). */
    fingerprint: text("fingerprint").notNull().default(""),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.scope, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
