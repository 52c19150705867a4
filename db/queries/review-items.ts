import { and, asc, count, eq, gt, lte, notInArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import { type ReviewItemEvidence, reviewItems } from "../schema";

export type ReviewItemRow = typeof reviewItems.$inferSelect;
export type ReviewItemStatus = ReviewItemRow["status"];

/** A gold action that needs review, as the end of a session run proposes it. */
export interface ReviewItemProposal {
  actionId: string;
  action: string;
  reasons: string[];
  actionToolMapId: string;
  toolServer: string;
  toolName: string;
  proposedArguments: Record<string, unknown>;
  evidence: ReviewItemEvidence;
}

/**
 * Makes the session's pending items match its latest run in one transaction: new actions are inserted, pending
 * ones refreshed, pending ones whose action is gone deleted. Decided items are never touched, and the
 * (session, action) key makes a re-driven run an update, never a second row.
 */
export async function syncReviewItemsForSession(
  db: Database,
  input: {
    workspaceId: string;
    userId: string;
    sessionId: string;
    suiteId: string;
    items: ReviewItemProposal[];
  },
): Promise<{ pending: number }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    for (const item of input.items) {
      await tx
        .insert(reviewItems)
        .values({
          ...item,
          workspaceId: input.workspaceId,
          userId: input.userId,
          sessionId: input.sessionId,
          suiteId: input.suiteId,
        })
        .onConflictDoUpdate({
          target: [reviewItems.sessionId, reviewItems.actionId],
          set: {
            action: item.action,
            reasons: item.reasons,
            actionToolMapId: item.actionToolMapId,
            toolServer: item.toolServer,
            toolName: item.toolName,
            proposedArguments: item.proposedArguments,
            evidence: item.evidence,
            updatedAt: now,
          },
          setWhere: eq(reviewItems.status, "pending"),
        });
    }
    const stale: SQL[] = [eq(reviewItems.sessionId, input.sessionId), eq(reviewItems.status, "pending")];
    if (input.items.length > 0)
      stale.push(
        notInArray(
          reviewItems.actionId,
          input.items.map((i) => i.actionId),
        ),
      );
    await tx.delete(reviewItems).where(and(...stale));
    const [row] = await tx
      .select({ n: count() })
      .from(reviewItems)
      .where(and(eq(reviewItems.sessionId, input.sessionId), eq(reviewItems.status, "pending")));
    return { pending: row?.n ?? 0 };
  });
}

export interface ReviewItemFilter {
  workspaceId: string;
  status: ReviewItemStatus;
  sessionId?: string;
  suiteId?: string;
  action?: string;
  reason?: string;
  /** Keyset: items after this `seq`. */
  afterSeq?: number;
  limit: number;
}

/** Oldest first on the insertion sequence, which keeps a session's items in the order of its actions. */
export async function listReviewItemsForWorkspace(db: Database, filter: ReviewItemFilter) {
  const conditions: SQL[] = [
    eq(reviewItems.workspaceId, filter.workspaceId),
    eq(reviewItems.status, filter.status),
  ];
  if (filter.sessionId) conditions.push(eq(reviewItems.sessionId, filter.sessionId));
  if (filter.suiteId) conditions.push(eq(reviewItems.suiteId, filter.suiteId));
  if (filter.action) conditions.push(eq(reviewItems.action, filter.action));
  if (filter.reason) conditions.push(sql`${filter.reason} = any(${reviewItems.reasons})`);
  if (filter.afterSeq !== undefined) conditions.push(gt(reviewItems.seq, filter.afterSeq));
  return db
    .select()
    .from(reviewItems)
    .where(and(...conditions))
    .orderBy(asc(reviewItems.seq))
    .limit(filter.limit);
}

export async function findReviewItemForWorkspace(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.id, id), eq(reviewItems.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/**
 * Decides a pending item. The status condition in the UPDATE makes concurrent decisions race on the row lock:
 * exactly one updates it, the others see it decided and get nothing back.
 */
export async function decideReviewItem(
  db: Database,
  input: {
    workspaceId: string;
    id: string;
    status: "accepted" | "rejected";
    acceptedArguments: Record<string, unknown> | null;
    reason: string | null;
    decidedBy: string;
  },
): Promise<ReviewItemRow | undefined> {
  const now = new Date();
  const [row] = await db
    .update(reviewItems)
    .set({
      status: input.status,
      acceptedArguments: input.acceptedArguments,
      decisionReason: input.reason,
      decidedBy: input.decidedBy,
      decidedAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(reviewItems.id, input.id),
        eq(reviewItems.workspaceId, input.workspaceId),
        eq(reviewItems.status, "pending"),
      ),
    )
    .returning();
  return row;
}

export async function countPendingReviewItems(
  db: Database,
  filter: { workspaceId: string; sessionId?: string },
): Promise<number> {
  const conditions: SQL[] = [
    eq(reviewItems.workspaceId, filter.workspaceId),
    eq(reviewItems.status, "pending"),
  ];
  if (filter.sessionId) conditions.push(eq(reviewItems.sessionId, filter.sessionId));
  const [row] = await db
    .select({ n: count() })
    .from(reviewItems)
    .where(and(...conditions));
  return row?.n ?? 0;
}

/** The session's items accepted up to `decidedBy` (an example's creation): they become its records. */
export async function listAcceptedReviewItemsForSession(
  db: Database,
  filter: { workspaceId: string; sessionId: string; decidedBy: Date },
) {
  return db
    .select()
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.workspaceId, filter.workspaceId),
        eq(reviewItems.sessionId, filter.sessionId),
        eq(reviewItems.status, "accepted"),
        lte(reviewItems.decidedAt, filter.decidedBy),
      ),
    )
    .orderBy(asc(reviewItems.seq));
}

/** A session's review items in the order of its actions (what a session bundle carries). */
export async function listReviewItemsForSession(db: Database, workspaceId: string, sessionId: string) {
  return db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.workspaceId, workspaceId), eq(reviewItems.sessionId, sessionId)))
    .orderBy(asc(reviewItems.seq));
}

export async function insertImportedReviewItems(db: Database, rows: (typeof reviewItems.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(reviewItems).values(rows);
}
