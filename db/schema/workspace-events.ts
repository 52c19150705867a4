import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The durable log behind `GET /v1/events/stream`: one row per status change a workspace's members may watch,
 * written by deferred triggers (migration `workspace-events`) in the transaction that made the change, which
 * also `NOTIFY`s the `workspace_events` channel. The id grows in commit order per workspace (the trigger takes a
 * per-workspace advisory lock at commit), so `Last-Event-ID` resumes with `id > N` and never skips a late commit.
 * No foreign key to the workspace: events carry ids and statuses only, are pruned by age, and must not block
 * (or be written during) a workspace's deletion.
 */
export const workspaceEvents = pgTable(
  "workspace_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid("workspace_id").notNull(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("workspace_events_workspace_id_idx").on(t.workspaceId, t.id),
    index("workspace_events_created_idx").on(t.createdAt),
  ],
);
