CREATE TYPE "public"."billing_status" AS ENUM('none', 'active', 'past_due', 'canceled');--> statement-breakpoint
ALTER TYPE "public"."usage_kind" ADD VALUE 'sessions_processed';--> statement-breakpoint
ALTER TABLE "stripe_events" ALTER COLUMN "processed_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "stripe_events" ALTER COLUMN "processed_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "received_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "stripe_subscription_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "billing_status" "billing_status" DEFAULT 'none' NOT NULL;