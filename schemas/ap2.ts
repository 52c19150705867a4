import { z } from "zod";
import { text } from "./text";

export const ap2ReceiptSchema = z
  .object({
    payment_intent_id: text().describe("The Stripe PaymentIntent (manual capture) on the card on file."),
    status: z
      .enum(["authorized", "captured", "canceled"])
      .describe(
        "`authorized` until the example is retrieved finished; `canceled` when it failed or cost nothing.",
      ),
    currency: z.literal("usd"),
    estimate_usd: z.number().describe("The cost estimated before generation."),
    authorized_usd: z.number().describe("Held on the card: 1.5× the estimate (at least Stripe's $0.50)."),
    captured_usd: z
      .number()
      .nullable()
      .describe("Charged: the example's actual cost (at most the authorisation)."),
    released_usd: z.number().nullable().describe("Released back to the card: authorised minus captured."),
  })
  .meta({ id: "Ap2Receipt" });
export type Ap2Receipt = z.infer<typeof ap2ReceiptSchema>;
