import type { Ap2PaymentRow } from "@/db/queries/ap2-payments";
import type { Ap2Receipt } from "@/schemas/ap2";

const usd = (cents: number) => cents / 100;

/** The receipt an AP2 caller sees on the example. */
export function toAp2Receipt(row: Ap2PaymentRow): Ap2Receipt {
  const captured = row.status === "authorized" ? null : (row.capturedCents ?? 0);
  return {
    payment_intent_id: row.paymentIntentId,
    status: row.status,
    currency: "usd",
    estimate_usd: usd(row.estimateCents),
    authorized_usd: usd(row.authorizedCents),
    captured_usd: captured === null ? null : usd(captured),
    released_usd: captured === null ? null : usd(row.authorizedCents - captured),
  };
}
