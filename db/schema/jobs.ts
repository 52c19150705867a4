import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Run state of the embedded Inngest executor. With a real Inngest engine (cloud or self-hosted) these tables
// stay empty: the engine keeps its own state.

export const jobRunStatus = pgEnum("job_run_status", [
  "queued",
  "running",
  "sleeping",
  "completed",
  "failed",
]);

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    functionId: text("function_id").notNull(),
    eventId: text("event_id").notNull(),
    eventName: text("event_name").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    status: jobRunStatus("status").notNull().default("queued"),
    attempt: integer("attempt").notNull().default(0),
    /** Memoized step results by hashed step id, replayed to the SDK on every request. */
    steps: jsonb("steps").$type<Record<string, unknown>>().notNull().default({}),
    /** Hashed step ids in completion order: jsonb objects do not keep key order and the SDK needs it. */
    stack: jsonb("stack").$type<string[]>().notNull().default([]),
    /** The step a retry must re-run (the SDK's `stepId`); null means "discover the next step". */
    pendingStepId: text("pending_step_id"),
    output: jsonb("output"),
    error: text("error"),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Changes on every claim, so a worker whose lease expired cannot overwrite its successor's progress. */
    leaseToken: uuid("lease_token"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The cron tick a scheduled run is for; null for runs triggered by an event. */
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    /**
     * The function's concurrency groups this run belongs to (`<scope>:<key value>`), each with its limit at the
     * same index: computed from the event when the run is queued, as Inngest evaluates `concurrency.key`.
     */
    concurrencyKeys: text("concurrency_keys").array().notNull().default(sql`'{}'::text[]`),
    concurrencyLimits: integer("concurrency_limits").array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    // One run per (function, event): re-sending an event with the same id does not start a second run.
    uniqueIndex("job_runs_function_event_key").on(t.functionId, t.eventId),
    index("job_runs_due_idx").on(t.status, t.runAfter),
    // One run per (function, cron tick), whichever process or restart queues it first.
    uniqueIndex("job_runs_function_scheduled_key")
      .on(t.functionId, t.scheduledAt)
      .where(sql`${t.scheduledAt} is not null`),
  ],
);
