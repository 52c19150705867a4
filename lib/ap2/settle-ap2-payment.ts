import { getDb } from "@/db/client";
import { findAp2PaymentForExample, settleAp2Payment } from "@/db/queries/ap2-payments";
import type { ExampleWithSuite } from "@/db/queries/examples";
import { getStripe } from "@/lib/billing/stripe-client";
import { childLogger } from "@/lib/logger";
import type { Ap2Receipt } from "@/schemas/ap2";
import { toAp2Receipt } from "./ap2-receipt";
import { computeExampleCostCents } from "./compute-example-cost";

const log = childLogger("ap2");

/**
 * On retrieval of an AP2 example: a finished one settles its authorisation once — completed: the actual cost (its
 * ledger × the price list, at most what was authorised) is captured and the rest released; failed or free:
 * the PaymentIntent is cancelled, releasing it all. Stripe idempotency keys per example make a retried or
 * concurrent retrieval send the same request, and the row moves from `authorized` once. Returns the receipt
 * (undefined for an example not paid with AP2).
 */
export async function settleAp2PaymentOnRetrieval(
  example: ExampleWithSuite,
): Promise<Ap2Receipt | undefined> {
  const db = await getDb();
  const filter = { workspaceId: example.workspaceId, exampleId: example.id };
  const payment = await findAp2PaymentForExample(db, filter);
  if (!payment) return undefined;
  if (payment.status !== "authorized" || (example.status !== "completed" && example.status !== "failed"))
    return toAp2Receipt(payment);
  const stripe = getStripe();
  const costCents = example.status === "completed" ? await computeExampleCostCents(db, filter) : 0;
  const captureCents = Math.min(costCents, payment.authorizedCents);
  if (captureCents > 0) {
    await stripe.paymentIntents.capture(
      payment.paymentIntentId,
      { amount_to_capture: captureCents },
      { idempotencyKey: `tracepipe-ap2-capture-${example.id}` },
    );
  } else {
    await stripe.paymentIntents.cancel(
      payment.paymentIntentId,
      { cancellation_reason: example.status === "failed" ? "abandoned" : "requested_by_customer" },
      { idempotencyKey: `tracepipe-ap2-cancel-${example.id}` },
    );
  }
  if (costCents > payment.authorizedCents)
    log.warn(
      { exampleId: example.id, costCents, authorizedCents: payment.authorizedCents },
      "cost above authorisation",
    );
  const settled = await settleAp2Payment(db, {
    ...filter,
    status: captureCents > 0 ? "captured" : "canceled",
    capturedCents: captureCents,
  });
  // A concurrent retrieval settled it first (with the same Stripe request): show what it stored.
  return toAp2Receipt(settled ?? (await findAp2PaymentForExample(db, filter)) ?? payment);
}
