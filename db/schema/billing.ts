import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Stripe webhook events already handled: a redelivered event id is acknowledged and skipped. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Stripe Billing meters by event name, created at first use; saves a list call per usage report. */
export const billingMeters = pgTable("billing_meters", {
  eventName: text("event_name").primaryKey(),
  stripeMeterId: text("stripe_meter_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
