import { and, desc, eq, inArray, isNotNull, max, min, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobRuns } from "@/db/schema";

export type JobRun = typeof jobRuns.$inferSelect;
export type NewJobRun = typeof jobRuns.$inferInsert;
export type JobRunStatus = JobRun["status"];

/** Inserts runs; a (function, event) pair that already has a run is skipped, so re-sent events are no-ops. */
export async function insertJobRuns(db: Database, rows: NewJobRun[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(jobRuns)
    .values(rows)
    .onConflictDoNothing({ target: [jobRuns.functionId, jobRuns.eventId] })
    .returning({ id: jobRuns.id });
  return inserted.map((row) => row.id);
}

/**
 * Inserts the run of one cron tick. Null when the (function, tick) already has a run: queued by another
 * process sharing the database, or before a restart. No conflict target, so either unique key counts.
 */
export async function insertScheduledJobRun(
  db: Database,
  row: NewJobRun & { scheduledAt: Date },
): Promise<string | null> {
  const [inserted] = await db.insert(jobRuns).values(row).onConflictDoNothing().returning({ id: jobRuns.id });
  return inserted?.id ?? null;
}

/** The latest cron tick each function has a run for; functions never scheduled on this database are absent. */
export async function getLatestScheduledAtByFunction(
  db: Database,
  functionIds: string[],
): Promise<Map<string, Date>> {
  if (functionIds.length === 0) return new Map();
  const rows = await db
    .select({ functionId: jobRuns.functionId, latest: max(jobRuns.scheduledAt) })
    .from(jobRuns)
    .where(and(inArray(jobRuns.functionId, functionIds), isNotNull(jobRuns.scheduledAt)))
    .groupBy(jobRuns.functionId);
  return new Map(rows.flatMap((row) => (row.latest ? [[row.functionId, row.latest] as const] : [])));
}

/**
 * Leases up to `limit` runs that are due: queued or sleeping with `run_after` passed, or running with an
 * expired lease (their worker died). `FOR UPDATE SKIP LOCKED` lets several executors share one Postgres.
 */
export async function claimDueJobRuns(
  db: Database,
  { limit, leaseMs, functionIds }: { limit: number; leaseMs: number; functionIds: string[] },
): Promise<JobRun[]> {
  if (limit <= 0 || functionIds.length === 0) return [];
  const due = db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(
      and(
        inArray(jobRuns.functionId, functionIds),
        sql`((${jobRuns.status} in ('queued', 'sleeping') and ${jobRuns.runAfter} <= now())
          or (${jobRuns.status} = 'running' and ${jobRuns.lockedUntil} < now()))`,
      ),
    )
    .orderBy(jobRuns.runAfter)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobRuns)
    .set({
      status: "running",
      lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      leaseToken: sql`gen_random_uuid()`,
      updatedAt: sql`now()`,
    })
    .where(inArray(jobRuns.id, due))
    .returning();
}

/** The earliest `run_after` of a waiting run, so the executor can sleep exactly until then. */
export async function getNextJobRunDueAt(db: Database, functionIds: string[]): Promise<Date | null> {
  if (functionIds.length === 0) return null;
  const [row] = await db
    .select({ next: min(jobRuns.runAfter) })
    .from(jobRuns)
    .where(and(inArray(jobRuns.functionId, functionIds), inArray(jobRuns.status, ["queued", "sleeping"])));
  return row?.next ?? null;
}

/** Extends a lease; false means it was lost (expired and re-claimed) and the worker must stop. */
export async function renewJobRunLease(
  db: Database,
  { id, leaseToken, leaseMs }: { id: string; leaseToken: string; leaseMs: number },
): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.leaseToken, leaseToken), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length === 1;
}

export type JobRunUpdate = Partial<
  Pick<
    NewJobRun,
    | "status"
    | "attempt"
    | "steps"
    | "stack"
    | "pendingStepId"
    | "output"
    | "error"
    | "runAfter"
    | "lockedUntil"
    | "leaseToken"
    | "finishedAt"
  >
>;

/** Writes progress only while the caller still holds the lease; false means the lease was lost. */
export async function updateLeasedJobRun(
  db: Database,
  { id, leaseToken, set }: { id: string; leaseToken: string; set: JobRunUpdate },
): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.leaseToken, leaseToken), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length === 1;
}

/**
 * Marks a run failed and queues its failure handler run in one transaction, so the handler runs exactly once
 * per failed run even if the process dies in between.
 */
export async function failLeasedJobRun(
  db: Database,
  {
    id,
    leaseToken,
    error,
    failureRun,
  }: { id: string; leaseToken: string; error: string; failureRun: NewJobRun | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(jobRuns)
      .set({
        status: "failed",
        error,
        lockedUntil: null,
        leaseToken: null,
        finishedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.leaseToken, leaseToken), eq(jobRuns.status, "running")))
      .returning({ id: jobRuns.id });
    if (rows.length !== 1) return false;
    if (failureRun) await tx.insert(jobRuns).values(failureRun).onConflictDoNothing();
    return true;
  });
}

/**
 * Frees every lease held on this database. Only for the embedded PGlite database, which exactly one process
 * can open: any lease found at start-up belongs to a process that is gone.
 */
export async function releaseAllJobRunLeases(db: Database): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: "queued", lockedUntil: null, leaseToken: null, updatedAt: sql`now()` })
    .where(eq(jobRuns.status, "running"))
    .returning({ id: jobRuns.id });
  return rows.length;
}

export async function getJobRunById(db: Database, id: string): Promise<JobRun | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id)).limit(1);
  return row ?? null;
}

export async function listJobRuns(
  db: Database,
  { status, functionId, limit = 50 }: { status?: JobRunStatus; functionId?: string; limit?: number },
): Promise<JobRun[]> {
  const filters = [
    status ? eq(jobRuns.status, status) : undefined,
    functionId ? eq(jobRuns.functionId, functionId) : undefined,
  ].filter((f) => f !== undefined);
  return db
    .select()
    .from(jobRuns)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(jobRuns.createdAt))
    .limit(limit);
}

/** Runs for one event id, e.g. to follow what an upload triggered. */
export async function listJobRunsForEvent(db: Database, eventId: string): Promise<JobRun[]> {
  return db.select().from(jobRuns).where(eq(jobRuns.eventId, eventId)).orderBy(jobRuns.createdAt);
}
