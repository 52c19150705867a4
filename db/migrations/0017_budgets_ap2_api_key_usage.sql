CREATE TABLE "ap2_payments" (
	"example_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"payment_intent_id" text NOT NULL,
	"estimate_cents" integer NOT NULL,
	"authorized_cents" integer NOT NULL,
	"captured_cents" integer,
	"status" text DEFAULT 'authorized' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "ap2_payments_payment_intent_id_unique" UNIQUE("payment_intent_id")
);
--> statement-breakpoint
CREATE TABLE "budget_alerts" (
	"workspace_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"threshold_percent" integer NOT NULL,
	"cost_cents" bigint NOT NULL,
	"limit_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alerts_workspace_id_period_start_threshold_percent_pk" PRIMARY KEY("workspace_id","period_start","threshold_percent")
);
--> statement-breakpoint
CREATE TABLE "workspace_budgets" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"monthly_limit_cents" bigint NOT NULL,
	"hard_cap" boolean DEFAULT false NOT NULL,
	"webhook_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "examples" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "examples" ADD COLUMN "estimated_cost_cents" integer;--> statement-breakpoint
ALTER TABLE "usage_records" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "usage_records" ADD COLUMN "prepaid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ap2_payments" ADD CONSTRAINT "ap2_payments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_budgets" ADD CONSTRAINT "workspace_budgets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examples" ADD CONSTRAINT "examples_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;