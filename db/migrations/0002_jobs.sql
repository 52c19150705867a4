ALTER TABLE "job_runs" ADD COLUMN "stack" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "pending_step_id" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "lease_token" uuid;