"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/validated-action";
import { openBillingPortal } from "@/lib/billing/open-billing-portal";
import { startCardSetup } from "@/lib/billing/start-card-setup";
import { setBudget } from "@/lib/budgets/set-budget";
import { getEnv } from "@/lib/env";
import { updateBudgetSchema } from "@/schemas/budgets";

/** The Billing page's public URL: APP_URL when set, else the origin the browser used (for Checkout's return). */
async function billingPageUrl(): Promise<string> {
  const appUrl = getEnv().APP_URL;
  if (appUrl) return new URL("/settings/billing", appUrl).href;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}/settings/billing`;
}

/** "Add a card": creates the Stripe customer if needed and a setup-mode Checkout Session; returns its URL. */
export const addCardAction = validatedAction(
  z.object({}),
  async (_input, { user, member }) =>
    startCardSetup({ workspaceId: member.workspaceId, user, returnUrl: await billingPageUrl() }),
  { permission: "billing" },
);

/** "Change card": a Stripe Billing Portal session for the account's customer; returns its URL. */
export const openPortalAction = validatedAction(
  z.object({}),
  async (_input, { member }) =>
    openBillingPortal({ accountId: member.workspaceId, returnUrl: await billingPageUrl() }),
  { permission: "billing" },
);

/** "Save budget": the monthly budget, hard cap and alert webhook (owner only; audited). */
export const setBudgetAction = validatedAction(
  updateBudgetSchema,
  async (input, { member, meta }) => setBudget(member, input, meta),
  { permission: "billing" },
);
