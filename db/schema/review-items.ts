import {
  bigserial,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { actionToolMaps, suites } from "./catalog";
import { sessions } from "./sessions";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const reviewItemStatus = pgEnum("review_item_status", ["pending", "accepted", "rejected"]);

/** What a reviewer sees of the recording: the action's sources and what the pipeline had found. */
export interface ReviewItemEvidence {
  eventIds: string[];
  interactionIds: string[];
  window: string;
  ts: number;
  confidence: number;
  parameters: Record<string, unknown>;
  missingParameters: string[];
  /** What the page showed around the action (see lib/pipeline/review/review-proposals.ts). */
  context: {
    interactionId: string;
    ts: number;
    kind: string;
    isSource: boolean;
    element?: string;
    value?: string;
    url?: string;
    title?: string;
    /** Kinds bronze redacted there (never the values). */
    redacted?: string[];
  }[];
  timezone: string | null;
}

/**
 * A gold action the pipeline could not finish (`needsReview`), proposed as a tool call for a person to accept
 * (possibly edited) or reject. One row per (session, gold action id): the end of a re-driven run upserts, never
 * duplicates. Accepted items become records of the session's examples created after the decision.
 */
export const reviewItems = pgTable(
  "review_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: the queue's keyset, and a session's items in the order of its actions. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    suiteId: uuid("suite_id")
      .notNull()
      .references(() => suites.id),
    /** The gold action's id within its session (`a3`). */
    actionId: text("action_id").notNull(),
    /** Catalog action slug (`create_event`). */
    action: text("action").notNull(),
    reasons: text("reasons").array().notNull(),
    status: reviewItemStatus("status").notNull().default("pending"),
    actionToolMapId: uuid("action_tool_map_id")
      .notNull()
      .references(() => actionToolMaps.id),
    toolServer: text("tool_server").notNull(),
    toolName: text("tool_name").notNull(),
    /** The mapped arguments the pipeline could fill in (may not validate: that is why it is here). */
    proposedArguments: jsonb("proposed_arguments").$type<Record<string, unknown>>().notNull(),
    /** The arguments as accepted (the proposal, or the reviewer's edit); null until accepted. */
    acceptedArguments: jsonb("accepted_arguments").$type<Record<string, unknown>>(),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    evidence: jsonb("evidence").$type<ReviewItemEvidence>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("review_items_session_action_key").on(t.sessionId, t.actionId),
    index("review_items_workspace_status_seq_idx").on(t.workspaceId, t.status, t.seq),
    index("review_items_session_idx").on(t.sessionId, t.seq),
  ],
);
