import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actionToolMaps, models } from "./catalog";
import { sessions } from "./sessions";
import { apiKeys, users } from "./users";
import { workspaces } from "./workspaces";

export const exampleStatus = pgEnum("example_status", ["pending", "processing", "completed", "failed"]);

export const examples = pgTable(
  "examples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    actionToolMapId: uuid("action_tool_map_id")
      .notNull()
      .references(() => actionToolMaps.id),
    modelConfiguration: jsonb("model_configuration").$type<Record<string, unknown>>().notNull().default({}),
    /** `examples/<id>/messages.jsonl` once written. */
    storagePath: text("storage_path"),
    status: exampleStatus("status").notNull().default("pending"),
    error: text("error"),
    recordCount: integer("record_count"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    callbackUrl: text("callback_url"),
    /** The API key that requested it (null from the browser): `GET /v1/usage?group_by=api_key`. */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    /** The cost estimated before it was admitted (paid models only): held against a hard-capped budget in flight. */
    estimatedCostCents: integer("estimated_cost_cents"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("examples_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("examples_session_idx").on(t.sessionId),
  ],
);
