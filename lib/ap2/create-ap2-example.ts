import Stripe from "stripe";
import { getDb } from "@/db/client";
import { insertAp2Payment } from "@/db/queries/ap2-payments";
import { findBillingCustomer } from "@/db/queries/billing-customers";
import type { Actor } from "@/lib/auth/principal";
import { paymentRequired } from "@/lib/billing/payment-required";
import { BILLING_CURRENCY } from "@/lib/billing/prices";
import { getStripe } from "@/lib/billing/stripe-client";
import { isStripeConfigured } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createExample } from "@/lib/examples/create-example";
import { toExampleResource } from "@/lib/examples/example-resource";
import type { CreateExampleInput, ExampleResource } from "@/schemas/examples";
import { toAp2Receipt } from "./ap2-receipt";

/** The authorisation is this multiple of the estimate, so a run somewhat above its estimate is still covered. */
export const AUTHORIZATION_FACTOR = 1.5;
/** Stripe's minimum charge in USD cents: a smaller PaymentIntent is refused (`amount_too_small`). */
const STRIPE_MINIMUM_CENTS = 50;

export const authorizedCentsFor = (estimateCents: number) =>
  Math.max(STRIPE_MINIMUM_CENTS, Math.ceil(estimateCents * AUTHORIZATION_FACTOR));

/**
 * `POST /v1/ap2/examples`: an agent pays per example. The example's cost is estimated, 1.5× the estimate is
 * authorised on the workspace's card on file (a manual-capture PaymentIntent, off session, confirmed at once) and
 * generation is queued; the payment is captured when the finished example is retrieved (`settleAp2Payment`).
 *
 * Retries and crashes never charge twice: the PaymentIntent is created with a Stripe idempotency key derived from
 * the caller's `Idempotency-Key` (required here) and carries no per-attempt value, so if the process dies after
 * Stripe authorised but before the example and its payment row committed, the retry gets the same PaymentIntent
 * back from Stripe and records it. The authorisation runs inside the example's transaction: a refused card leaves
 * no example behind.
 */
export async function createAp2Example(input: {
  actor: Actor & { apiKeyId?: string };
  body: CreateExampleInput;
  idempotencyKey: string;
}): Promise<ExampleResource> {
  if (!isStripeConfigured())
    throw new AppError({
      code: "unavailable",
      message: "AP2 payments need Stripe, which this server has not configured.",
    });
  const customer = await findBillingCustomer(await getDb(), { workspaceId: input.actor.workspaceId });
  if (!customer?.card || !customer.stripeCustomerId)
    throw paymentRequired(
      "card_required",
      "AP2 examples are paid with the workspace's card on file; none is saved.",
    );
  const { stripeCustomerId, card } = customer;
  let receipt: ExampleResource["payment"];
  const example = await createExample({
    actor: input.actor,
    body: input.body,
    onAdmitted: async (tx, admitted) => {
      if (admitted.estimatedCostCents === 0)
        throw new AppError({
          code: "unprocessable",
          message: "AP2 pays for LLM models; the free model needs no payment (use POST /v1/examples).",
          extensions: { errors: [{ field: "model_id", code: "free_model", message: "Choose an LLM model" }] },
        });
      const authorizedCents = authorizedCentsFor(admitted.estimatedCostCents);
      const intent = await authorize({
        amount: authorizedCents,
        customer: stripeCustomerId,
        paymentMethod: card.paymentMethodId,
        idempotencyKey: `tracepipe-ap2-authorize-${input.actor.workspaceId}-${input.idempotencyKey}`,
        metadata: { workspace_id: input.actor.workspaceId, idempotency_key: input.idempotencyKey },
      });
      const payment = await insertAp2Payment(tx, {
        exampleId: admitted.id,
        workspaceId: input.actor.workspaceId,
        paymentIntentId: intent.id,
        estimateCents: admitted.estimatedCostCents,
        authorizedCents,
      });
      receipt = toAp2Receipt(payment);
    },
  });
  return { ...toExampleResource(example), payment: receipt };
}

async function authorize(input: {
  amount: number;
  customer: string;
  paymentMethod: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}): Promise<Stripe.PaymentIntent> {
  try {
    return await getStripe().paymentIntents.create(
      {
        amount: input.amount,
        currency: BILLING_CURRENCY,
        customer: input.customer,
        payment_method: input.paymentMethod,
        capture_method: "manual",
        off_session: true,
        confirm: true,
        description: "Tracepipe AP2 example",
        metadata: input.metadata,
      },
      { idempotencyKey: input.idempotencyKey },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError)
      throw paymentRequired(
        "card_declined",
        `The card on file was declined (${error.code ?? "card_error"}).`,
      );
    throw error;
  }
}
