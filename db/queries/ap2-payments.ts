import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { ap2Payments } from "../schema";

export type Ap2PaymentRow = typeof ap2Payments.$inferSelect;

export async function insertAp2Payment(
  db: Database,
  values: Pick<
    typeof ap2Payments.$inferInsert,
    "exampleId" | "workspaceId" | "paymentIntentId" | "estimateCents" | "authorizedCents"
  >,
): Promise<Ap2PaymentRow> {
  const [row] = await db.insert(ap2Payments).values(values).returning();
  if (!row) throw new Error("insert into ap2_payments returned no row");
  return row;
}

export async function findAp2PaymentForExample(
  db: Database,
  filter: { workspaceId: string; exampleId: string },
): Promise<Ap2PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(ap2Payments)
    .where(and(eq(ap2Payments.workspaceId, filter.workspaceId), eq(ap2Payments.exampleId, filter.exampleId)))
    .limit(1);
  return row;
}

/** Moves an authorised payment to captured or canceled once; returns the row when this call moved it. */
export async function settleAp2Payment(
  db: Database,
  input: { workspaceId: string; exampleId: string; status: "captured" | "canceled"; capturedCents: number },
): Promise<Ap2PaymentRow | undefined> {
  const [row] = await db
    .update(ap2Payments)
    .set({ status: input.status, capturedCents: input.capturedCents, settledAt: new Date() })
    .where(
      and(
        eq(ap2Payments.workspaceId, input.workspaceId),
        eq(ap2Payments.exampleId, input.exampleId),
        eq(ap2Payments.status, "authorized"),
      ),
    )
    .returning();
  return row;
}
