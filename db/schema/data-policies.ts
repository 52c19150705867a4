import { integer, pgEnum, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const redactionLevel = pgEnum("redaction_level", ["off", "standard", "strict"]);

/**
 * What a workspace keeps of its recordings and for how long; a missing row is the default policy (standard
 * redaction, kept forever).
 */
export const dataPolicies = pgTable("data_policies", {
  ownerId: uuid("owner_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  redaction: redactionLevel("redaction").notNull().default("standard"),
  /** Days raw recordings are kept after processing; null keeps them, 0 deletes them once processed. */
  rawRetentionDays: integer("raw_retention_days"),
  /** Days derived artifacts (bronze, silver, gold layers) are kept; null keeps them. */
  derivedRetentionDays: integer("derived_retention_days"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
