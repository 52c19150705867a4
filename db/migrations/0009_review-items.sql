CREATE TYPE "public"."review_item_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"suite_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"action" text NOT NULL,
	"reasons" text[] NOT NULL,
	"status" "review_item_status" DEFAULT 'pending' NOT NULL,
	"action_tool_map_id" uuid NOT NULL,
	"tool_server" text NOT NULL,
	"tool_name" text NOT NULL,
	"proposed_arguments" jsonb NOT NULL,
	"accepted_arguments" jsonb,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_suite_id_suites_id_fk" FOREIGN KEY ("suite_id") REFERENCES "public"."suites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_action_tool_map_id_action_tool_maps_id_fk" FOREIGN KEY ("action_tool_map_id") REFERENCES "public"."action_tool_maps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_session_action_key" ON "review_items" USING btree ("session_id","action_id");--> statement-breakpoint
CREATE INDEX "review_items_user_status_seq_idx" ON "review_items" USING btree ("user_id","status","seq");--> statement-breakpoint
CREATE INDEX "review_items_session_idx" ON "review_items" USING btree ("session_id","seq");