import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Stripe webhook events as received (verified payload kept, so an admin can re-drive one with
 * `npm run stripe:redrive <event id>`); `processed_at` is set once applied, and a redelivered processed event is
 * acknowledged and skipped.
 */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp("processed_at", { withTimezone: true }),
});

/** Stripe Billing meters by event name, created at first use; saves a list call per usage report. */
export const billingMeters = pgTable("billing_meters", {
  eventName: text("event_name").primaryKey(),
  stripeMeterId: text("stripe_meter_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
