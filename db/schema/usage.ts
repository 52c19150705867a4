import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { models } from "./catalog";
import { apiKeys, users } from "./users";
import { workspaces } from "./workspaces";

/** What is billed: LLM tokens per model, storage as byte-hours, plus counters shown on the dashboard. */
export const usageKind = pgEnum("usage_kind", [
  "input_tokens",
  "output_tokens",
  "storage_byte_hours",
  "events_ingested",
  "examples_generated",
  "sessions_processed",
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
    /** The API key whose request caused it, when one did. */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    /** Paid per example through AP2 (captured on its own PaymentIntent): never metered to the subscription. */
    prepaid: boolean("prepaid").notNull().default(false),
    /** What the usage is for, e.g. `example:<id>` or `session:<id>`. */
    subject: text("subject"),
    /** Makes recording usage idempotent: a retried step writes the same key and is ignored. */
    idempotencyKey: text("idempotency_key").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("usage_records_idempotency_key").on(t.idempotencyKey),
    index("usage_records_workspace_occurred_idx").on(t.workspaceId, t.occurredAt),
    index("usage_records_unreported_idx").on(t.occurredAt).where(sql`${t.reportedAt} is null`),
  ],
);

/**
 * Append-only (a trigger in the migrations rejects UPDATE and DELETE) and tamper-evident: entries form one hash
 * chain per workspace (`workspace_id` null: the chain of events no workspace owns, e.g. a failed sign-in for an
 * unknown email). `seq` numbers a chain from 1; `hash` = SHA-256 over `prev_hash` and the entry's canonical JSON
 * (RFC 8785), see `lib/audit/audit-hash.ts`. A chain per workspace lets a workspace verify its own log from the API.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** No foreign key: the log outlives what it names. Today a user's personal workspace id is the user's id. */
    workspaceId: uuid("workspace_id"),
    seq: bigint("seq", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    /** `user`, `api_key` or `system` (Stripe webhooks); `anonymous` for a failed sign-in. */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    requestId: text("request_id"),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    prevHash: text("prev_hash"),
    /** Null only on rows written before the chain existed, until start-up seals them (`db/seal-audit-chain.ts`). */
    hash: text("hash"),
  },
  (t) => [
    unique("audit_log_workspace_seq").on(t.workspaceId, t.seq).nullsNotDistinct(),
    index("audit_log_workspace_type_idx").on(t.workspaceId, t.type, t.seq),
    index("audit_log_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // Start-up asks whether any entry still needs sealing; this keeps that answer from scanning the whole log.
    index("audit_log_unsealed_idx").on(t.id).where(sql`${t.hash} is null`),
  ],
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
