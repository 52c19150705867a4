import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Events written in the same transaction as the domain change that causes them (the transactional outbox),
 * then handed to Inngest or the embedded executor by one relay. The id is the event id on the wire too, so a
 * row relayed twice (a crash between the send and `sent_at`) is deduplicated by the receiver.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A relay claims a row by moving this forward (its lease); a failed send is retried once it passes. */
    relayAfter: timestamp("relay_after", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_events_unsent_idx").on(t.relayAfter).where(sql`${t.sentAt} is null`),
    index("outbox_events_sent_idx").on(t.sentAt).where(sql`${t.sentAt} is not null`),
  ],
);
