-- Audit entries gain a workspace, an actor, a target, a request id and before/after, and join a hash chain per
-- workspace (see db/schema/usage.ts). Existing rows: the acting user becomes the actor and, as their personal
-- workspace, the workspace; `seq` numbers each chain in the order the rows were written. Their hashes are filled in
-- at start-up by db/seal-audit-chain.ts (the RFC 8785 canonical JSON is computed in TypeScript, not SQL). The
-- append-only trigger is paused only for this data move, inside the migration's transaction.
ALTER TABLE "audit_log" RENAME COLUMN "action" TO "type";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_type" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "target_type" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "target_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "before" jsonb;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "after" jsonb;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
UPDATE "audit_log" SET
  "workspace_id" = "audit_log"."user_id",
  "seq" = "numbered"."seq",
  "actor_type" = CASE WHEN "audit_log"."user_id" IS NULL THEN 'anonymous' ELSE 'user' END,
  "actor_id" = "audit_log"."user_id"::text,
  "target_type" = CASE
    WHEN "audit_log"."type" LIKE 'api_key.%' THEN 'api_key'
    WHEN "audit_log"."type" LIKE 'review_item.%' THEN 'review_item'
    WHEN "audit_log"."user_id" IS NOT NULL THEN 'user'
  END,
  "target_id" = CASE
    WHEN "audit_log"."type" LIKE 'api_key.%' THEN "audit_log"."metadata"->>'apiKeyId'
    WHEN "audit_log"."type" LIKE 'review_item.%' THEN "audit_log"."metadata"->>'reviewItemId'
    ELSE "audit_log"."user_id"::text
  END
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "user_id" ORDER BY "created_at", "id") AS "seq" FROM "audit_log"
) AS "numbered"
WHERE "numbered"."id" = "audit_log"."id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_append_only";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "actor_type" SET NOT NULL;--> statement-breakpoint
DROP INDEX "audit_log_user_created_idx";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "user_id";--> statement-breakpoint
CREATE INDEX "audit_log_workspace_type_idx" ON "audit_log" USING btree ("workspace_id","type","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_workspace_created_idx" ON "audit_log" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."hash" is null;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_workspace_seq" UNIQUE NULLS NOT DISTINCT("workspace_id","seq");
