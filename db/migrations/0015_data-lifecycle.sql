-- Data lifecycle (redaction level and retention per workspace, what retention removed per session), and the list
-- indexes rebuilt with ascending columns: drizzle-kit wrote `.desc()` columns as DESC NULLS LAST, which no
-- `ORDER BY … DESC` (NULLS FIRST) can use, so newest-first lists scanned and sorted the whole workspace.
CREATE TYPE "public"."redaction_level" AS ENUM('off', 'standard', 'strict');--> statement-breakpoint
CREATE TABLE "data_policies" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"redaction" "redaction_level" DEFAULT 'standard' NOT NULL,
	"raw_retention_days" integer,
	"derived_retention_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "examples_workspace_created_idx";--> statement-breakpoint
DROP INDEX "sessions_workspace_created_idx";--> statement-breakpoint
DROP INDEX "sessions_workspace_suite_created_idx";--> statement-breakpoint
DROP INDEX "sessions_workspace_status_created_idx";--> statement-breakpoint
DROP INDEX "audit_log_workspace_type_idx";--> statement-breakpoint
DROP INDEX "audit_log_workspace_created_idx";--> statement-breakpoint
DROP INDEX "usage_records_workspace_occurred_idx";--> statement-breakpoint
DROP INDEX "api_keys_workspace_created_idx";--> statement-breakpoint
DROP INDEX "workspace_invitations_workspace_idx";--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "raw_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "derived_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_policies" ADD CONSTRAINT "data_policies_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "examples_workspace_created_idx" ON "examples" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sessions_workspace_created_idx" ON "sessions" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sessions_workspace_suite_created_idx" ON "sessions" USING btree ("workspace_id","suite_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sessions_workspace_status_created_idx" ON "sessions" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_type_idx" ON "audit_log" USING btree ("workspace_id","type","seq");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_created_idx" ON "audit_log" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_records_workspace_occurred_idx" ON "usage_records" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "api_keys_workspace_created_idx" ON "api_keys" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "workspace_invitations_workspace_idx" ON "workspace_invitations" USING btree ("workspace_id","created_at");