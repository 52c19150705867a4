import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { examples, sessions } from "../schema";

export type ExampleRow = typeof examples.$inferSelect;
export type ExampleStatus = ExampleRow["status"];
export type ExampleWithSuite = ExampleRow & { suiteId: string };

const exampleColumns = {
  id: examples.id,
  workspaceId: examples.workspaceId,
  userId: examples.userId,
  sessionId: examples.sessionId,
  modelId: examples.modelId,
  actionToolMapId: examples.actionToolMapId,
  modelConfiguration: examples.modelConfiguration,
  storagePath: examples.storagePath,
  status: examples.status,
  error: examples.error,
  recordCount: examples.recordCount,
  sizeBytes: examples.sizeBytes,
  callbackUrl: examples.callbackUrl,
  apiKeyId: examples.apiKeyId,
  estimatedCostCents: examples.estimatedCostCents,
  createdAt: examples.createdAt,
  updatedAt: examples.updatedAt,
  completedAt: examples.completedAt,
  suiteId: sessions.suiteId,
};

export async function insertExample(
  db: Database,
  values: Pick<
    typeof examples.$inferInsert,
    | "workspaceId"
    | "userId"
    | "sessionId"
    | "modelId"
    | "actionToolMapId"
    | "modelConfiguration"
    | "callbackUrl"
    | "apiKeyId"
    | "estimatedCostCents"
  >,
): Promise<ExampleRow> {
  const [row] = await db.insert(examples).values(values).returning();
  if (!row) throw new Error("insert into examples returned no row");
  return row;
}

/** One example of the workspace (another workspace's is not found). */
export async function findExampleForWorkspace(
  db: Database,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<ExampleWithSuite | undefined> {
  const [row] = await db
    .select(exampleColumns)
    .from(examples)
    .innerJoin(sessions, eq(sessions.id, examples.sessionId))
    .where(and(eq(examples.id, id), eq(examples.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/** Any example by id, for jobs that were handed the id by the app itself (never for a caller's id). */
export async function findExampleById(db: Database, id: string): Promise<ExampleWithSuite | undefined> {
  const [row] = await db
    .select(exampleColumns)
    .from(examples)
    .innerJoin(sessions, eq(sessions.id, examples.sessionId))
    .where(eq(examples.id, id))
    .limit(1);
  return row;
}

export interface ListExamplesFilter {
  workspaceId: string;
  sessionId?: string;
  suiteId?: string;
  modelId?: string;
  /** Keyset: rows strictly after (createdAt, id) in (created_at desc, id desc) order. */
  after?: { createdAt: Date; id: string };
  limit: number;
}

export async function listExamplesForWorkspace(db: Database, filter: ListExamplesFilter) {
  const conditions: SQL[] = [eq(examples.workspaceId, filter.workspaceId)];
  if (filter.sessionId) conditions.push(eq(examples.sessionId, filter.sessionId));
  if (filter.suiteId) conditions.push(eq(sessions.suiteId, filter.suiteId));
  if (filter.modelId) conditions.push(eq(examples.modelId, filter.modelId));
  if (filter.after) {
    const { createdAt, id } = filter.after;
    // Cursors carry milliseconds while Postgres keeps microseconds: compare at the cursor's precision.
    const createdMs = sql`date_trunc('milliseconds', ${examples.createdAt})`;
    const at = createdAt.toISOString();
    const keyset = or(
      sql`${createdMs} < ${at}::timestamptz`,
      and(sql`${createdMs} = ${at}::timestamptz`, lt(examples.id, id)),
    );
    if (keyset) conditions.push(keyset);
  }
  return db
    .select(exampleColumns)
    .from(examples)
    .innerJoin(sessions, eq(sessions.id, examples.sessionId))
    .where(and(...conditions))
    .orderBy(desc(sql`date_trunc('milliseconds', ${examples.createdAt})`), desc(examples.id))
    .limit(filter.limit);
}

/**
 * Moves an example to `processing` only from `pending` or `processing` (a retried step): a completed or failed
 * example is never reopened by a re-driven run.
 */
export async function markExampleProcessing(db: Database, id: string): Promise<ExampleRow | undefined> {
  const [row] = await db
    .update(examples)
    .set({ status: "processing", error: null, updatedAt: new Date() })
    .where(and(eq(examples.id, id), inArray(examples.status, ["pending", "processing"])))
    .returning();
  return row;
}

export async function markExampleCompleted(
  db: Database,
  id: string,
  result: { storagePath: string; recordCount: number; sizeBytes: number },
): Promise<ExampleRow | undefined> {
  const now = new Date();
  const [row] = await db
    .update(examples)
    .set({ ...result, status: "completed", error: null, updatedAt: now, completedAt: now })
    .where(eq(examples.id, id))
    .returning();
  return row;
}

/** A completed example is not turned into a failure by a late error (e.g. its callback failing). */
export async function markExampleFailed(
  db: Database,
  id: string,
  error: string,
): Promise<ExampleRow | undefined> {
  const now = new Date();
  const [row] = await db
    .update(examples)
    .set({ status: "failed", error, updatedAt: now, completedAt: now })
    .where(and(eq(examples.id, id), inArray(examples.status, ["pending", "processing", "failed"])))
    .returning();
  return row;
}

export async function deleteExampleForWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .delete(examples)
    .where(and(eq(examples.id, id), eq(examples.workspaceId, workspaceId)))
    .returning({ id: examples.id, sessionId: examples.sessionId });
  return row;
}

/** A session's completed examples, oldest first (what a session bundle carries). */
export async function listCompletedExamplesForSession(db: Database, workspaceId: string, sessionId: string) {
  return db
    .select({
      id: examples.id,
      modelId: examples.modelId,
      actionToolMapId: examples.actionToolMapId,
      modelConfiguration: examples.modelConfiguration,
      storagePath: examples.storagePath,
      recordCount: examples.recordCount,
      sizeBytes: examples.sizeBytes,
      createdAt: examples.createdAt,
      completedAt: examples.completedAt,
    })
    .from(examples)
    .where(
      and(
        eq(examples.workspaceId, workspaceId),
        eq(examples.sessionId, sessionId),
        eq(examples.status, "completed"),
      ),
    )
    .orderBy(examples.createdAt, examples.id);
}

export async function insertImportedExamples(db: Database, rows: (typeof examples.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(examples).values(rows);
}
