import { boolean, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const workspaceRole = pgEnum("workspace_role", ["owner", "admin", "member", "viewer"]);

/**
 * Who owns data: every session, example, review item, API key and usage record has a `workspace_id`. A user's
 * personal workspace has the user's id as its own (created by a trigger on `users`, migration 0012), so code
 * that only knows a user id still names that user's personal workspace.
 */
export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** A user's personal workspace (id = the user's id): created with the user, never left by its owner. */
  personal: boolean("personal").notNull().default(false),
  /** Validated by `workspaceSettingsSchema` (schemas/workspaces.ts) on every write. */
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
