import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type PaymentRequiredReason =
  | "card_required"
  | "past_due"
  | "subscription_canceled"
  | "storage_allowance_exceeded"
  | "budget_cap_reached"
  | "card_declined";

/** Where a person fixes billing: absolute when APP_URL is known (API clients and the CLI print it). */
export const billingUrl = () => {
  const appUrl = getEnv().APP_URL;
  return appUrl ? new URL("/settings/billing", appUrl).href : "/settings/billing";
};

export function paymentRequired(reason: PaymentRequiredReason, message: string): AppError {
  const url = billingUrl();
  return new AppError({
    code: "payment_required",
    message: `${message} Fix it at ${url}`,
    extensions: { reason, billing_url: url },
  });
}
