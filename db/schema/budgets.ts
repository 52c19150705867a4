import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * A workspace's monthly spend budget (UTC calendar month, the period `/usage` and the cost estimate use), in
 * cents. `hard_cap`: once the month's cost plus the work in flight reaches the limit, paid work is refused (402).
 * `webhook_url` receives signed `budget.threshold_reached` events.
 */
export const workspaceBudgets = pgTable("workspace_budgets", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  monthlyLimitCents: bigint("monthly_limit_cents", { mode: "number" }).notNull(),
  hardCap: boolean("hard_cap").notNull().default(false),
  webhookUrl: text("webhook_url"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each threshold (50, 80, 100 %) reached in a period, at most once: the primary key makes firing idempotent, so a
 * retried or concurrent usage write never alerts twice. Also what the in-app banner reads.
 */
export const budgetAlerts = pgTable(
  "budget_alerts",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    thresholdPercent: integer("threshold_percent").notNull(),
    costCents: bigint("cost_cents", { mode: "number" }).notNull(),
    limitCents: bigint("limit_cents", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.periodStart, t.thresholdPercent] })],
);

/**
 * AP2 pay-per-example payments: one manual-capture PaymentIntent per example, authorised for 1.5× the estimate,
 * captured for the actual cost when the example is retrieved (the rest released), cancelled if it failed.
 * No foreign key to the example: a receipt outlives a deleted example.
 */
export const ap2Payments = pgTable("ap2_payments", {
  exampleId: uuid("example_id").primaryKey(),
  workspaceId: uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  paymentIntentId: text("payment_intent_id").notNull().unique(),
  estimateCents: integer("estimate_cents").notNull(),
  authorizedCents: integer("authorized_cents").notNull(),
  capturedCents: integer("captured_cents"),
  /** `authorized`, then `captured` or `canceled`. */
  status: text("status").$type<"authorized" | "captured" | "canceled">().notNull().default("authorized"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  settledAt: timestamp("settled_at", { withTimezone: true }),
});
