DROP INDEX "users_stripe_customer_key";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "stripe_customer_id" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "default_payment_method_id" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "card_brand" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "card_last4" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "card_exp_month" integer;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "card_exp_year" integer;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "stripe_subscription_id" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "billing_status" "billing_status" DEFAULT 'none' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "workspaces_stripe_customer_key" ON "workspaces" USING btree ("stripe_customer_id");--> statement-breakpoint
-- The payer moves from the user to the workspace: each user's billing state goes to their personal workspace
-- (whose id is the user's id, migration 0012), before the user's columns are dropped.
UPDATE "workspaces" AS w SET
  "stripe_customer_id" = u."stripe_customer_id",
  "default_payment_method_id" = u."default_payment_method_id",
  "card_brand" = u."card_brand",
  "card_last4" = u."card_last4",
  "card_exp_month" = u."card_exp_month",
  "card_exp_year" = u."card_exp_year",
  "stripe_subscription_id" = u."stripe_subscription_id",
  "billing_status" = u."billing_status"
FROM "users" AS u
WHERE w."id" = u."id" AND (u."stripe_customer_id" IS NOT NULL OR u."billing_status" <> 'none');--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "stripe_customer_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "default_payment_method_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "card_brand";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "card_last4";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "card_exp_month";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "card_exp_year";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "stripe_subscription_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "billing_status";