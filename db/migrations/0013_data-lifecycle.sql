CREATE TYPE "public"."redaction_level" AS ENUM('off', 'standard', 'strict');--> statement-breakpoint
CREATE TABLE "data_policies" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"redaction" "redaction_level" DEFAULT 'standard' NOT NULL,
	"raw_retention_days" integer,
	"derived_retention_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "raw_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "derived_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_policies" ADD CONSTRAINT "data_policies_owner_id_workspaces_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;