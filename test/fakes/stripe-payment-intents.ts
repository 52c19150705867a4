import { missing, type Params, StripeHttpError, type StripeObject } from "./stripe-protocol";

/**
 * PaymentIntents as Stripe serves them, for card-on-file payments: `POST /v1/payment_intents` (with
 * `confirm=true`, `off_session=true` and `capture_method=manual` the card is authorised at once and the intent
 * waits in `requires_capture`), `GET /v1/payment_intents[/:id]`, `POST /v1/payment_intents/:id/capture`
 * (`amount_to_capture` ≤ `amount_capturable`; the rest is released) and `POST /v1/payment_intents/:id/cancel`.
 * A customer marked as failing (`failNextPayment`) is declined with Stripe's 402 `card_error`, which carries the
 * failed intent; invalid state transitions answer 400 `payment_intent_unexpected_state`, as Stripe does.
 */
export interface PaymentIntentContext {
  newId(prefix: string): string;
  customers: Map<string, StripeObject>;
  paymentMethods: Map<string, StripeObject>;
  /** Customers whose next payment is declined (shared with invoices: one "declining card"). */
  isFailing(customerId: string): boolean;
}

/** Stripe's minimum charge in USD cents. */
const MINIMUM_AMOUNT = 50;
const CAPTURABLE = ["requires_capture"];
const CANCELABLE = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
];

const invalid = (message: string, param?: string, code?: string) =>
  new StripeHttpError(400, {
    type: "invalid_request_error",
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });

const unexpectedState = (intent: StripeObject, what: string, allowed: string[]) =>
  new StripeHttpError(400, {
    type: "invalid_request_error",
    code: "payment_intent_unexpected_state",
    message: `This PaymentIntent could not be ${what} because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be ${what}: ${allowed.join(", ")}.`,
    payment_intent: intent,
  });

const wholeCents = (value: unknown, param: string) => {
  const text = String(value ?? "");
  if (!/^\d+$/.test(text)) throw invalid(`Invalid integer: ${text}`, param);
  return Number(text);
};

export function createPaymentIntentRoutes(ctx: PaymentIntentContext) {
  const intents = new Map<string, StripeObject>();
  const now = () => Math.floor(Date.now() / 1000);

  function create(params: Params): StripeObject {
    const amount = wholeCents(params.amount, "amount");
    if (!params.currency) throw invalid("Missing required param: currency.", "currency", "parameter_missing");
    if (amount < MINIMUM_AMOUNT)
      throw invalid("Amount must be at least $0.50 usd", "amount", "amount_too_small");
    const customer = params.customer ? String(params.customer) : null;
    if (customer && !ctx.customers.has(customer)) throw missing("customer", customer);
    const paymentMethod = params.payment_method ? String(params.payment_method) : null;
    const method = paymentMethod ? ctx.paymentMethods.get(paymentMethod) : undefined;
    if (paymentMethod && !method) throw missing("PaymentMethod", paymentMethod);
    if (method && customer && method.customer !== customer)
      throw invalid(
        `The provided PaymentMethod ${paymentMethod} was previously used with a PaymentIntent without Customer attachment`,
        "payment_method",
      );
    const captureMethod = String(params.capture_method ?? "automatic");
    const intent: StripeObject = {
      id: ctx.newId("pi"),
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      capture_method: captureMethod,
      confirmation_method: "automatic",
      currency: String(params.currency),
      customer,
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      payment_method: paymentMethod,
      payment_method_types: ["card"],
      status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
      canceled_at: null,
      cancellation_reason: null,
      latest_charge: null,
      created: now(),
      livemode: false,
    };
    intents.set(intent.id, intent);
    if (params.confirm === "true") confirm(intent);
    return intent;
  }

  /** Authorises the card: declined for a failing customer (the intent goes back to needing a payment method). */
  function confirm(intent: StripeObject) {
    if (!intent.payment_method)
      throw invalid(
        "You cannot confirm this PaymentIntent because it's missing a payment method.",
        "payment_method",
        "payment_intent_unexpected_state",
      );
    const customer = String(intent.customer ?? "");
    if (ctx.isFailing(customer)) {
      Object.assign(intent, {
        status: "requires_payment_method",
        last_payment_error: { type: "card_error", code: "card_declined", decline_code: "generic_decline" },
      });
      throw new StripeHttpError(402, {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        payment_intent: intent,
      });
    }
    const charge = ctx.newId("ch");
    if (intent.capture_method === "manual")
      Object.assign(intent, {
        status: "requires_capture",
        amount_capturable: intent.amount,
        latest_charge: charge,
      });
    else
      Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: charge });
  }

  function capture(intent: StripeObject, params: Params) {
    if (!CAPTURABLE.includes(String(intent.status))) throw unexpectedState(intent, "captured", CAPTURABLE);
    const capturable = Number(intent.amount_capturable);
    const amount =
      params.amount_to_capture === undefined
        ? capturable
        : wholeCents(params.amount_to_capture, "amount_to_capture");
    if (amount > capturable)
      throw invalid(
        `The amount_to_capture (${amount}) must be less than or equal to the amount_capturable (${capturable}).`,
        "amount_to_capture",
        "amount_too_large",
      );
    // What is not captured is released back to the card at once.
    Object.assign(intent, { status: "succeeded", amount_received: amount, amount_capturable: 0 });
  }

  function cancel(intent: StripeObject, params: Params) {
    if (!CANCELABLE.includes(String(intent.status))) throw unexpectedState(intent, "canceled", CANCELABLE);
    Object.assign(intent, {
      status: "canceled",
      amount_capturable: 0,
      canceled_at: now(),
      cancellation_reason: params.cancellation_reason ?? null,
    });
  }

  function route(method: string, segments: string[], params: Params): { body: unknown } | undefined {
    const [, resource, id, action] = segments;
    if (resource !== "payment_intents") return undefined;
    if (!id && method === "POST") return { body: create(params) };
    if (!id && method === "GET") {
      const data = [...intents.values()].filter((i) => !params.customer || i.customer === params.customer);
      return { body: { object: "list", data, has_more: false, url: "/v1/payment_intents" } };
    }
    const intent = id ? intents.get(id) : undefined;
    if (!id || !intent) throw missing("payment_intent", id ?? "");
    if (method === "GET" && !action) return { body: intent };
    if (method === "POST" && action === "confirm") confirm(intent);
    else if (method === "POST" && action === "capture") capture(intent, params);
    else if (method === "POST" && action === "cancel") cancel(intent, params);
    else return undefined;
    return { body: intent };
  }

  return { intents, route };
}
