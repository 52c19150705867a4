CREATE TABLE "outbox_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relay_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "concurrency_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "concurrency_limits" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_events_unsent_idx" ON "outbox_events" USING btree ("relay_after") WHERE "outbox_events"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_events_sent_idx" ON "outbox_events" USING btree ("sent_at") WHERE "outbox_events"."sent_at" is not null;