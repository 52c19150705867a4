import { and, asc, desc, eq, gt, gte, ilike, inArray, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessions, suites } from "../schema";
import { countSessionEvents } from "./session-events";

export type SessionRow = typeof sessions.$inferSelect;
export type SessionStatus = SessionRow["status"];

/** The exact created_at in microseconds since the epoch: JS dates lose the microseconds a keyset cursor needs. */
const createdAtMicros = sql<string>`(extract(epoch from ${sessions.createdAt}) * 1000000)::bigint::text`;
const fromMicros = (micros: string) =>
  sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

export async function insertSession(
  db: Database,
  values: {
    id: string;
    workspaceId: string;
    /** Who created it. */
    userId: string;
    suiteId: string;
    suiteIds?: string[] | null;
    description?: string | null;
    timezone?: string | null;
    timezoneSource?: SessionRow["timezoneSource"];
    status: SessionStatus;
    sourceFormat?: string | null;
    rawBytes?: number;
    /** An imported session arrives processed: its counts, metrics and completion time come with it. */
    eventCount?: number;
    interactionCount?: number;
    actionCount?: number;
    metrics?: Record<string, unknown> | null;
    createdAt?: Date;
    completedAt?: Date | null;
  },
) {
  const [row] = await db
    .insert(sessions)
    .values({ ...values, storagePath: `sessions/${values.id}/` })
    .returning();
  return row;
}

export async function findSessionForWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

export async function findSessionStatusForWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select({ status: sessions.status })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.workspaceId, workspaceId)))
    .limit(1);
  return row?.status;
}

export interface SessionListFilter {
  workspaceId: string;
  limit: number;
  order: "newest" | "oldest";
  after?: { createdAtMicros: string; id: string };
  suiteId?: string;
  status?: SessionStatus;
  createdAfter?: Date;
  createdBefore?: Date;
  /** Already-escaped LIKE patterns (see lib/sessions/session-search). */
  search?: { contains: string; idPrefix?: string };
}

function searchCondition(search: NonNullable<SessionListFilter["search"]>) {
  // The suite match is a subquery over the small catalog table, so no join widens the keyset scan.
  const matchingSuites = sql`(select ${suites.id} from ${suites} where ${or(
    ilike(suites.name, search.contains),
    ilike(suites.slug, search.contains),
  )})`;
  return or(
    ilike(sessions.description, search.contains),
    inArray(sessions.suiteId, matchingSuites),
    search.idPrefix ? like(sql`${sessions.id}::text`, search.idPrefix) : undefined,
  );
}

/**
 * Keyset-paginated on (created_at, id), newest or oldest first: stable whatever is inserted meanwhile. Both
 * orders walk the (user_id, created_at, id) indexes, forwards or backwards; a search filters the caller's rows
 * along that walk.
 */
export async function listSessionsForWorkspace(db: Database, filter: SessionListFilter) {
  const conditions: (SQL | undefined)[] = [eq(sessions.workspaceId, filter.workspaceId)];
  if (filter.suiteId) conditions.push(eq(sessions.suiteId, filter.suiteId));
  if (filter.status) conditions.push(eq(sessions.status, filter.status));
  if (filter.createdAfter) conditions.push(gte(sessions.createdAt, filter.createdAfter));
  if (filter.createdBefore) conditions.push(lt(sessions.createdAt, filter.createdBefore));
  if (filter.search) conditions.push(searchCondition(filter.search));
  const isOldest = filter.order === "oldest";
  if (filter.after) {
    const at = fromMicros(filter.after.createdAtMicros);
    const beyond = isOldest ? gt : lt;
    conditions.push(
      or(
        beyond(sessions.createdAt, at),
        and(eq(sessions.createdAt, at), beyond(sessions.id, filter.after.id)),
      ),
    );
  }
  const direction = isOldest ? asc : desc;
  return db
    .select({
      id: sessions.id,
      suiteId: sessions.suiteId,
      description: sessions.description,
      storagePath: sessions.storagePath,
      status: sessions.status,
      createdAt: sessions.createdAt,
      createdAtMicros,
    })
    .from(sessions)
    .where(and(...conditions))
    .orderBy(direction(sessions.createdAt), direction(sessions.id))
    .limit(filter.limit);
}

/** Closes an open session; undefined when it was not open (already completed, or not the caller's). */
/**
 * Closes an open session with its final event count. The row lock waits for every batch being stored (they hold
 * the session `for share` until they commit), and the count is a later statement, so it sees all of them: no
 * batch is acknowledged after the count it was left out of.
 */
export async function closeOpenSession(db: Database, workspaceId: string, id: string) {
  return db.transaction(async (tx) => {
    const open = and(eq(sessions.id, id), eq(sessions.workspaceId, workspaceId), eq(sessions.status, "open"));
    const [locked] = await tx.select({ id: sessions.id }).from(sessions).where(open).for("update");
    if (!locked) return undefined;
    const eventCount = await countSessionEvents(tx, id);
    const [row] = await tx
      .update(sessions)
      .set({ status: "uploaded", eventCount, sourceFormat: "native", updatedAt: new Date() })
      .where(open)
      .returning();
    return row;
  });
}

export async function deleteSessionForWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.workspaceId, workspaceId)))
    .returning({ id: sessions.id, storagePath: sessions.storagePath });
  return row;
}

export async function listExampleIdsForSession(db: Database, workspaceId: string, sessionId: string) {
  const rows = await db
    .select({ id: examples.id, storagePath: examples.storagePath })
    .from(examples)
    .where(and(eq(examples.sessionId, sessionId), eq(examples.workspaceId, workspaceId)));
  return rows;
}
