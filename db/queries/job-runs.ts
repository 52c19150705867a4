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

// Claims are serialized across processes sharing a database, so two executors cannot both see a concurrency
// group one short of its limit and each start a run in it.
const claimLockKey = sql`hashtext('tracepipe:job-run-claims')`;
/** How many due runs one claim looks at; runs of a group already at its limit are not among them. */
const claimScan = 200;

/**
 * Leases up to `limit` runs that are due: queued or sleeping with `run_after` passed, or running with an
 * expired lease (their worker died). A run is only claimed while each of its concurrency groups has fewer
 * running runs than its limit (counting the runs this claim takes, in due order), as an Inngest engine starts
 * runs. `FOR UPDATE SKIP LOCKED` lets several executors share one Postgres.
 */
export async function claimDueJobRuns(
  db: Database,
  { limit, leaseMs, functionIds }: { limit: number; leaseMs: number; functionIds: string[] },
): Promise<JobRun[]> {
  if (limit <= 0 || functionIds.length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${claimLockKey})`);
    const picked = (await tx.execute(sql`
      with running as (
        select g.key, count(*)::int as n, min(g.lim) as lim
        from job_runs r, unnest(r.concurrency_keys, r.concurrency_limits) as g(key, lim)
        where r.status = 'running' and r.locked_until >= now()
        group by g.key),
      saturated as (select coalesce(array_agg(key), '{}'::text[]) as keys from running where n >= lim),
      candidates as (
        select j.id, j.run_after, j.concurrency_keys, j.concurrency_limits
        from job_runs j
        where j.function_id = any(${sql.param(functionIds)}::text[])
          and ((j.status in ('queued', 'sleeping') and j.run_after <= now())
            or (j.status = 'running' and j.locked_until < now()))
          and not (j.concurrency_keys && (select keys from saturated))
        order by j.run_after
        limit ${claimScan}
        for update of j skip locked),
      ranked as (
        select c.id, g.key, g.lim,
          row_number() over (partition by g.key order by c.run_after, c.id) as rank
        from candidates c, unnest(c.concurrency_keys, c.concurrency_limits) as g(key, lim)),
      blocked as (
        select distinct ranked.id from ranked left join running on running.key = ranked.key
        where coalesce(running.n, 0) + ranked.rank > ranked.lim)
      select c.id from candidates c
      where c.id not in (select id from blocked)
      order by c.run_after, c.id
      limit ${limit}`)) as unknown as { rows: { id: string }[] };
    const ids = picked.rows.map((row) => row.id);
    if (ids.length === 0) return [];
    return tx
      .update(jobRuns)
      .set({
        status: "running",
        lockedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        leaseToken: sql`gen_random_uuid()`,
        updatedAt: sql`now()`,
      })
      .where(inArray(jobRuns.id, ids))
      .returning();
  });
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
