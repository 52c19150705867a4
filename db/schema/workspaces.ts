import {
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** `past_due`: Stripe could not collect an invoice; paid work is refused until it is paid. */
export const billingStatus = pgEnum("billing_status", ["none", "active", "past_due", "canceled"]);

export const workspaceRole = pgEnum("workspace_role", ["owner", "admin", "member", "viewer"]);

/**
 * Who owns data: every session, example, review item, API key and usage record has a `workspace_id`. A user's
 * personal workspace has the user's id as its own (created by a trigger on `users`, migration 0012), so code
 * that only knows a user id still names that user's personal workspace.
 */
export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** A user's personal workspace (id = the user's id): created with the user, never left by its owner. */
    personal: boolean("personal").notNull().default(false),
    /** Validated by `workspaceSettingsSchema` (schemas/workspaces.ts) on every write. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The workspace pays: its Stripe customer, default card (as last reported by a Stripe webhook, never by a
     * success redirect) and usage subscription with its state, as Stripe's webhooks last said.
     */
    stripeCustomerId: text("stripe_customer_id"),
    defaultPaymentMethodId: text("default_payment_method_id"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    cardExpMonth: integer("card_exp_month"),
    cardExpYear: integer("card_exp_year"),
    stripeSubscriptionId: text("stripe_subscription_id"),
    billingStatus: billingStatus("billing_status").notNull().default("none"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workspaces_stripe_customer_key").on(t.stripeCustomerId)],
);
