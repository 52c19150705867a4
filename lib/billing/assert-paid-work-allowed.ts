import { getDb } from "@/db/client";
import { findBillingCustomer } from "@/db/queries/billing-customers";
import { admitWithinBudget } from "@/lib/budgets/admit-within-budget";
import { getEnv, isStripeConfigured } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { paymentRequired } from "./payment-required";
import { BYTES_PER_GB, FREE_MODEL_SLUG, isPaidModel } from "./prices";

/**
 * Refuses paid work before it starts, with 402 naming the reason and the page that fixes it. Paid work is an LLM
 * model, or storing more than the free allowance (TRACEPIPE_FREE_STORAGE_GB_MONTHS GB held all period). The rules
 * model and storage within the allowance are always allowed; with Stripe not configured nothing is refused.
 */
export async function assertPaidWorkAllowed(input: {
  accountId: string;
  modelSlug?: string;
  /** Bytes the account would store in all after this work (stored, reserved and incoming). */
  storedBytesAfter?: number;
}): Promise<void> {
  const freeBytes = getEnv().TRACEPIPE_FREE_STORAGE_GB_MONTHS * BYTES_PER_GB;
  const needsModel = input.modelSlug !== undefined && isPaidModel(input.modelSlug);
  const needsStorage = input.storedBytesAfter !== undefined && input.storedBytesAfter > freeBytes;
  // A budget's hard cap holds with or without Stripe (the owner set it); an LLM example checks it with its
  // estimate when it is recorded as in flight (`createExample`), storage beyond the allowance here.
  if (needsStorage)
    await admitWithinBudget(await getDb(), { workspaceId: input.accountId, estimateCents: 0 });
  if (!isStripeConfigured()) return;
  if (!needsModel && !needsStorage) return;
  const what = needsModel
    ? `Model '${input.modelSlug}' is billed per token.`
    : `Storing ${input.storedBytesAfter} bytes goes beyond the free allowance of ${freeBytes} bytes.`;
  const account = await findBillingCustomer(await getDb(), { workspaceId: input.accountId });
  if (account?.status === "past_due")
    throw paymentRequired("past_due", `${what} Your last invoice could not be paid, so paid work is paused.`);
  if (!account?.card)
    throw paymentRequired(
      needsModel ? "card_required" : "storage_allowance_exceeded",
      `${what} Add a card to use it (the free model is '${FREE_MODEL_SLUG}').`,
    );
  if (account.status !== "active")
    throw paymentRequired(
      "subscription_canceled",
      `${what} Your usage subscription has ended; add a card again to restart it.`,
    );
}

/** The same rules as a yes/no, for work that has a free fallback (LLM classification falls back to the rules). */
export async function isPaidWorkAllowed(
  input: Parameters<typeof assertPaidWorkAllowed>[0],
): Promise<boolean> {
  try {
    await assertPaidWorkAllowed(input);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "payment_required") return false;
    throw error;
  }
}
