CREATE TYPE "public"."timezone_source" AS ENUM('stated', 'recording', 'inferred', 'unknown');--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "suite_ids" uuid[];--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "timezone_source" timezone_source DEFAULT 'unknown' NOT NULL;